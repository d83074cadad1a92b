"""Name, place and code lists for the synthetic plum catalogue in :mod:`loaders.demo`.

All coordinates are approximate town or county centres (WGS84); elevations are in metres.
Nothing here is a real accession record.
"""

# The column order is the project's single MCPD list.
from germplasm.accessions.mcpd_fields import EXTENSION_COLUMNS as EXTRA_FIELDS  # noqa: F401
from germplasm.accessions.mcpd_fields import MCPD_COLUMNS as MCPD_FIELDS  # noqa: F401

SPAUTHORS = {
    "salicina": "Lindl.",
    "domestica": "L.",
    "cerasifera": "Ehrh.",
    "simonii": "Carrière",
    "ussuriensis": "Kovalev & Kostina",
    "americana": "Marshall",
    "spinosa": "L.",
    "armeniaca": "L.",
    "persica": "(L.) Batsch",
    "mume": "(Siebold) Siebold & Zucc.",
    "tomentosa": "Thunb.",
}
SUBTAUTHORS = {
    "subsp. italica": "(Borkh.) Janch.",
    "subsp. syriaca": "(Borkh.) Janch. ex Mansf.",
    "subsp. insititia": "(L.) C.K.Schneid.",
}
# Interspecific hybrids are recorded as SPECIES "sp." with the parentage in REMARKS.
HYBRIDS = {"salicina × cerasifera": "SPECIES:salicina × cerasifera hybrid"}

# Landrace/collecting places: short name -> (COLLSITE, lat, lon, elevation, mission code).
PLACES = {
    "巫山": ("重庆市巫山县", 31.074, 109.878, 600, "TGR"),
    "曲尺": ("重庆市巫山县曲尺乡", 31.010, 109.967, 450, "TGR"),
    "奉节": ("重庆市奉节县", 31.019, 109.464, 550, "TGR"),
    "巫溪": ("重庆市巫溪县", 31.398, 109.628, 700, "TGR"),
    "云阳": ("重庆市云阳县", 30.930, 108.697, 400, "TGR"),
    "万州": ("重庆市万州区", 30.808, 108.409, 350, "TGR"),
    "秭归": ("湖北省宜昌市秭归县", 30.826, 110.978, 500, "TGR"),
    "兴山": ("湖北省宜昌市兴山县", 31.348, 110.747, 650, "TGR"),
    "巴东": ("湖北省恩施土家族苗族自治州巴东县", 31.042, 110.341, 600, "TGR"),
    "利川": ("湖北省恩施土家族苗族自治州利川市", 30.291, 108.936, 1100, "TGR"),
    "江安": ("四川省宜宾市江安县", 28.724, 105.067, 300, "SWC"),
    "古蔺": ("四川省泸州市古蔺县", 28.039, 105.813, 800, "SWC"),
    "汉源": ("四川省雅安市汉源县", 29.344, 102.652, 1100, "SWC"),
    "西昌": ("四川省凉山彝族自治州西昌市", 27.894, 102.264, 1600, "SWC"),
    "茂县": ("四川省阿坝藏族羌族自治州茂县", 31.681, 103.853, 1600, "SWC"),
    "六马": ("贵州省安顺市镇宁布依族苗族自治县六马镇", 25.620, 105.970, 900, "SWC"),
    "镇宁": ("贵州省安顺市镇宁布依族苗族自治县", 26.056, 105.770, 1200, "SWC"),
    "贞丰": ("贵州省黔西南布依族苗族自治州贞丰县", 25.386, 105.650, 1100, "SWC"),
    "沿河": ("贵州省铜仁市沿河土家族自治县", 28.564, 108.496, 500, "SWC"),
    "遵义": ("贵州省遵义市播州区", 27.536, 106.831, 900, "SWC"),
    "大理": ("云南省大理白族自治州大理市", 25.606, 100.267, 2000, "SWC"),
    "楚雄": ("云南省楚雄彝族自治州楚雄市", 25.033, 101.546, 1800, "SWC"),
    "蒙自": ("云南省红河哈尼族彝族自治州蒙自市", 23.396, 103.364, 1300, "SWC"),
    "昭通": ("云南省昭通市昭阳区", 27.338, 103.717, 1900, "SWC"),
    "永泰": ("福建省福州市永泰县", 25.866, 118.939, 200, "SCH"),
    "古田": ("福建省宁德市古田县", 26.577, 118.746, 400, "SCH"),
    "福安": ("福建省宁德市福安市", 27.088, 119.648, 150, "SCH"),
    "三华": ("广东省韶关市翁源县三华镇", 24.430, 114.050, 200, "SCH"),
    "翁源": ("广东省韶关市翁源县", 24.350, 114.130, 200, "SCH"),
    "恭城": ("广西壮族自治区桂林市恭城瑶族自治县", 24.831, 110.828, 250, "SCH"),
    "南丹": ("广西壮族自治区河池市南丹县", 24.975, 107.541, 800, "SCH"),
    "桐乡": ("浙江省嘉兴市桐乡市", 30.630, 120.565, 5, "ECH"),
    "浦江": ("浙江省金华市浦江县", 29.452, 119.892, 150, "ECH"),
    "盖州": ("辽宁省营口市盖州市", 40.400, 122.349, 50, "NEC"),
    "绥中": ("辽宁省葫芦岛市绥中县", 40.325, 120.344, 50, "NEC"),
    "公主岭": ("吉林省四平市公主岭市", 43.505, 124.823, 200, "NEC"),
    "通化": ("吉林省通化市东昌区", 41.728, 125.940, 400, "NEC"),
    "绥棱": ("黑龙江省绥化市绥棱县", 47.236, 127.114, 200, "NEC"),
    "牡丹江": ("黑龙江省牡丹江市", 44.552, 129.633, 250, "NEC"),
    "阿城": ("黑龙江省哈尔滨市阿城区", 45.542, 126.958, 170, "NEC"),
}
PLACE_KEYS = tuple(PLACES)

# Descriptive words; a landrace name is place + descriptor, e.g. 巫山 + 脆李.
DESCRIPTORS = (
    "脆李", "青脆李", "蜂糖李", "胭脂李", "黄腊李", "芙蓉李", "朱砂李", "鸡血李", "歪嘴李",
    "冰糖李", "红心李", "离核李", "麦李", "牛心李", "鸡心李", "玉皇李", "香蕉李", "空心李",
    "桃形李", "黄李", "红李", "青李", "蜜李", "甜李", "晚李", "早李", "酸李", "米李",
)
# Well-known landraces: (place word in the name, descriptor, PLACES key of the site).
SIGNATURE_LANDRACES = (
    ("巫山", "脆李", "曲尺"), ("", "青脆李", "奉节"), ("", "蜂糖李", "六马"),
    ("江安", "李", "江安"), ("三华", "李", "三华"), ("永泰", "芙蓉李", "永泰"),
    ("", "胭脂李", "古田"), ("", "黄腊李", "恭城"), ("沿河", "空心李", "沿河"),
    ("浦江", "桃形李", "浦江"), ("", "槜李", "桐乡"), ("", "鸡血李", "巫溪"),
    ("", "歪嘴李", "秭归"), ("", "朱砂李", "奉节"), ("", "玉皇李", "盖州"),
)

# Cultivars: (name, species, subtaxa, ORIGCTY, breeder, other names joined by ';').
CULTIVARS = (
    ("Santa Rosa", "salicina", "", "USA", "Luther Burbank", ""),
    ("Burbank", "salicina", "", "USA", "Luther Burbank", ""),
    ("Wickson", "salicina", "", "USA", "Luther Burbank", ""),
    ("Beauty", "salicina", "", "USA", "Luther Burbank", ""),
    ("Shiro", "salicina × cerasifera", "", "USA", "Luther Burbank", ""),
    ("Friar", "salicina", "", "USA", "USDA-ARS Fresno", ""),
    ("Black Amber", "salicina", "", "USA", "USDA-ARS Fresno", ""),
    ("Angeleno", "salicina", "", "USA", "", ""),
    ("Fortune", "salicina", "", "USA", "", ""),
    ("Ozark Premier", "salicina", "", "USA", "Missouri State Fruit Experiment Station", ""),
    ("Sungold", "salicina", "", "USA", "", ""),
    ("Stanley", "domestica", "", "USA", "New York State Agricultural Experiment Station", ""),
    ("Methley", "salicina × cerasifera", "", "ZAF", "", ""),
    ("Oishi-wase", "salicina", "", "JPN", "", "大石早生"),
    ("Taiyo", "salicina", "", "JPN", "", "太陽"),
    ("Kiyo", "salicina", "", "JPN", "", "貴陽"),
    ("Akihime", "salicina", "", "JPN", "", "秋姫"),
    ("Soldam", "salicina", "", "JPN", "", "ソルダム"),
    ("Kelsey", "salicina", "", "JPN", "", ""),
    ("龙园秋李", "salicina", "", "CHN", "黑龙江省农业科学院园艺分院", "Lóngyuán Qiūlǐ"),
    ("绥李3号", "salicina", "", "CHN", "黑龙江省绥棱浆果研究所", "Suílǐ 3 Hào"),
    ("长李15号", "salicina", "", "CHN", "长春市农业科学院", "Chánglǐ 15 Hào"),
    ("Čačanska lepotica", "domestica", "", "SRB", "Fruit Research Institute, Čačak", ""),
    ("Čačanska najbolja", "domestica", "", "SRB", "Fruit Research Institute, Čačak", ""),
    ("Čačanska rodna", "domestica", "", "SRB", "Fruit Research Institute, Čačak", ""),
    ("Valjevka", "domestica", "", "SRB", "Fruit Research Institute, Čačak", ""),
    ("Požegača", "domestica", "", "SRB", "", ""),
    ("Président", "domestica", "", "GBR", "Thomas Rivers", "President"),
    ("Victoria", "domestica", "", "GBR", "", ""),
    ("Czar", "domestica", "", "GBR", "Thomas Rivers", ""),
    ("Merryweather", "domestica", "subsp. insititia", "GBR", "", ""),
    ("Shropshire Prune", "domestica", "subsp. insititia", "GBR", "", ""),
    ("Reine Claude", "domestica", "subsp. italica", "FRA", "", "Greengage"),
    ("Reine Claude d'Oullins", "domestica", "subsp. italica", "FRA", "", ""),
    ("Mirabelle de Nancy", "domestica", "subsp. syriaca", "FRA", "", ""),
    ("Mirabelle de Metz", "domestica", "subsp. syriaca", "FRA", "", ""),
    ("Prune d'Ente", "domestica", "", "FRA", "", ""),
    ("Hauszwetsche", "domestica", "", "DEU", "", ""),
    ("Tegera", "domestica", "", "DEU", "University of Hohenheim", ""),
    ("Jojo", "domestica", "", "DEU", "University of Hohenheim", ""),
    ("Katinka", "domestica", "", "DEU", "University of Hohenheim", ""),
    ("Hanita", "domestica", "", "DEU", "University of Hohenheim", ""),
    ("Italian", "domestica", "", "ITA", "", "Fellenberg"),
    ("Reina Claudia Verde", "domestica", "subsp. italica", "ESP", "", ""),
    ("Besztercei", "domestica", "", "HUN", "", ""),
)
CULTIVAR_BY_NAME = {cv[0]: cv for cv in CULTIVARS}

# Donors of cultivars: ORIGCTY -> (DONORCODE, DONORNAME, DONORNUMB pattern).
DONORS = {
    "USA": ("USA028", "", "DPRU {n}"),
    "JPN": ("", "NARO Institute of Fruit Tree and Tea Science", "JP {n}"),
    "CHN": ("", "National Plum and Apricot Germplasm Repository, Xiongyue", "XY-{n}"),
    "SRB": ("", "Fruit Research Institute, Čačak", "FRI-{n}"),
    "GBR": ("", "National Fruit Collection, Brogdale", "NFC {n}"),
    "FRA": ("", "INRAE Prunus Genetic Resources Centre, Bordeaux", "P{n}"),
    "DEU": ("", "Julius Kühn-Institut, Dresden-Pillnitz", "PRU {n}"),
    "ITA": ("", "CREA Olivicoltura, Frutticoltura e Agrumicoltura, Rome", "CREA-{n}"),
    "ESP": ("", "CITA Aragón, Zaragoza", "CITA-{n}"),
    "HUN": ("", "NARIC Fruitculture Research Institute, Budapest", "H-{n}"),
    "ZAF": ("", "ARC Infruitec-Nietvoorbij, Stellenbosch", "ZA-{n}"),
}

# Collecting missions: code -> (partner WIEWS code, COLLNAME, COLLINSTADDRESS).
# OWN_MISSIONS are run by the holding institute, sometimes with the partner as co-collector.
OWN_MISSIONS = frozenset({"TGR", "SWC", "SCH", "ECH", "NEC", "XJW", "NCH"})
MISSIONS = {
    "TGR": ("CHN001", "", ""),
    "SWC": ("CHN001", "", ""),
    "SCH": ("CHN002", "", ""),
    "ECH": ("CHN002", "", ""),
    "NEC": ("CHN001", "", ""),
    "XJW": ("CHN001", "", ""),
    "NCH": ("CHN001", "", ""),
    "USDA": ("USA028", "", ""),
    "VIR": ("RUS001", "", ""),
    "FRIC": ("", "Fruit Research Institute, Čačak", "Čačak, Serbia"),
    "JKI": ("", "Julius Kühn-Institut", "Dresden-Pillnitz, Germany"),
    "EMR": ("", "East Malling Research", "East Malling, Kent, United Kingdom"),
    "NARIC": ("", "NARIC Fruitculture Research Institute", "Budapest, Hungary"),
    "INRAE": ("", "INRAE Bordeaux", "Villenave-d'Ornon, France"),
}

# Wild relatives: species -> (weight, sites); site = (ORIGCTY, COLLSITE, lat, lon, elev, mission).
WILD = {
    "salicina": (35, (
        ("CHN", "湖北省神农架林区木鱼镇", 31.470, 110.400, 1300, "TGR"),
        ("CHN", "重庆市巫溪县红池坝", 31.560, 109.020, 1800, "TGR"),
        ("CHN", "重庆市巫山县五里坡", 31.320, 109.950, 1500, "TGR"),
        ("CHN", "湖北省恩施土家族苗族自治州利川市", 30.300, 108.950, 1200, "TGR"),
        ("CHN", "云南省丽江市玉龙纳西族自治县", 26.820, 100.230, 2400, "SWC"),
        ("CHN", "贵州省铜仁市江口县梵净山", 27.900, 108.700, 1200, "SWC"),
    )),
    "simonii": (10, (
        ("CHN", "河北省秦皇岛市昌黎县", 39.710, 119.160, 100, "NCH"),
        ("CHN", "陕西省宝鸡市眉县", 34.270, 107.750, 700, "NCH"),
    )),
    "ussuriensis": (15, (
        ("CHN", "黑龙江省哈尔滨市尚志市", 45.210, 127.970, 400, "NEC"),
        ("CHN", "吉林省吉林市蛟河市", 43.720, 127.340, 350, "NEC"),
        ("RUS", "Primorsky Krai, Ussuriysky district", 43.800, 131.950, 150, "VIR"),
    )),
    "cerasifera": (15, (
        ("CHN", "新疆维吾尔自治区伊犁哈萨克自治州霍城县大西沟", 44.420, 80.950, 1200, "XJW"),
        ("CHN", "新疆维吾尔自治区伊犁哈萨克自治州新源县", 43.430, 83.260, 1000, "XJW"),
        ("GEO", "Kakheti, Telavi municipality", 41.920, 45.470, 600, "VIR"),
        ("TUR", "Artvin province, Şavşat", 41.250, 42.350, 900, "VIR"),
    )),
    "spinosa": (15, (
        ("SRB", "Ovčar-Kablar gorge near Čačak", 43.900, 20.200, 400, "FRIC"),
        ("HUN", "Bükk hills near Eger", 47.920, 20.400, 350, "NARIC"),
        ("DEU", "Kaiserstuhl, Baden-Württemberg", 48.100, 7.680, 300, "JKI"),
        ("GBR", "Salisbury Plain, Wiltshire", 51.220, -1.900, 120, "EMR"),
        ("FRA", "Côtes de Meuse, Lorraine", 48.950, 5.500, 300, "INRAE"),
    )),
    "americana": (10, (
        ("USA", "Story County, Iowa", 42.030, -93.470, 290, "USDA"),
        ("USA", "Carver County, Minnesota", 44.820, -93.800, 300, "USDA"),
        ("USA", "Riley County, Kansas", 39.290, -96.720, 330, "USDA"),
    )),
}

# Rootstocks and other Prunus: (name, species, ORIGCTY, other names).
ROOTSTOCKS = (
    ("Myrobalan 29C", "cerasifera", "USA", ""),
    ("Myrobalan B", "cerasifera", "GBR", ""),
    ("GF 31", "cerasifera", "FRA", ""),
    ("Nemaguard", "persica", "USA", ""),
    ("Lovell", "persica", "USA", ""),
    ("GF 305", "persica", "FRA", ""),
    ("毛桃", "persica", "CHN", "Máotáo"),
    ("山杏", "armeniaca", "CHN", "Shānxìng"),
    ("Manicot 1236", "armeniaca", "FRA", ""),
    ("青梅", "mume", "CHN", "Qīngméi"),
    ("毛樱桃", "tomentosa", "CHN", "Máoyīngtáo"),
    ("Nanking cherry", "tomentosa", "USA", ""),
)

# Stems for the nursery's own released cultivars, e.g. 峡脆1号.
BRED_STEMS = ("峡脆", "渝脆", "巫红", "峡丰", "渝蜜", "巫脆", "峡晚", "渝青")
BRED_INSTITUTES = (
    "Chongqing Academy of Agricultural Sciences",
    "重庆三峡农业科学院",
    "Southwest University, College of Horticulture",
)
PARTNER_CODES = ("CHN001", "CHN002")
STORAGE_CODES = (("20", 80), ("20;30", 12), ("20;40", 8))
GENERAL_REMARKS = (
    "STORAGE:grafted on P. cerasifera rootstock",
    "STORAGE:two trees in block B",
    "ACCENAME:local name recorded from grower",
    "ACQDATE:approximate, from nursery ledger",
    "COLLSITE:near village temple",
    "COLLSRC:farmer's backyard tree about 40 years old",
)
HISTORIC_CAUSES = ("frost", "drought", "bacterial canker", "Plum pox virus removal", "flood")
