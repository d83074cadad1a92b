"""Parameters of the synthetic evaluation data in :mod:`loaders.demo_observations`.

Day numbers are days of the year at the nursery in Wushan (31° N, about 600 m). Families are
``jp`` (Chinese/Japanese plums), ``eu`` (European plums) and ``wild`` (wild relatives and
rootstocks). Nothing here is a measured value of a real accession.
"""

CAMPAIGN_NAME = "{year} 巫山李种质鉴定评价"
SITE = "重庆市巫山县李种质资源圃"
CHECK_ACCESSION = "WSL00001"  # 巫山脆李, the check cultivar: recorded in full every year
LAST_HISTORIC_YEAR = 2022  # trees of HISTORIC accessions are gone after this year
CORE_SHARE = 0.8  # share of each year's places kept for accessions evaluated every year
GAP_RATE = 0.1  # share of descriptors left blank on a sheet
LABEL_RATES = (0.75, 0.95)  # code below the first, Chinese label below the second, else English
FRUIT_REPLICATES = 3

# Staff by descriptor group: one of them records the group's traits of an accession in a year.
STAFF = {
    "phenology": ("李建华", "王晓梅", "向明军"),
    "fruit": ("张国庆", "刘芳", "谭小燕"),
    "quality": ("陈志强", "杨丽"),
    "resistance": ("赵明", "冉光福", "王晓梅"),
}

# Latitude of origin, from COLLSITE's province or else ORIGCTY (climate of breeding).
PROVINCE_LAT = {
    "广东": 24.0, "广西": 24.8, "福建": 26.0, "云南": 25.0, "贵州": 26.5, "重庆": 31.0,
    "湖北": 31.0, "四川": 29.5, "浙江": 30.0, "河北": 39.7, "陕西": 34.3, "新疆": 44.0,
    "辽宁": 40.5, "吉林": 43.0, "黑龙江": 46.0,
}
COUNTRY_LAT = {
    "CHN": 31.0, "USA": 36.0, "JPN": 35.0, "ZAF": 30.0, "SRB": 44.0, "GBR": 51.0, "FRA": 46.0,
    "DEU": 50.0, "ITA": 43.0, "ESP": 41.0, "HUN": 47.0, "RUS": 44.0, "GEO": 42.0, "TUR": 41.0,
}
HOME_LAT, LAT_SCALE, NORTH_LIMITS = 31.0, 10.0, (-1.0, 1.4)

# Species: (family, harvest day, fruit weight g at that day, full bloom shift d, SSC shift, TA %).
SPECIES = {
    "salicina": ("jp", 196, 50, 0, 0.0, 1.0),
    "sp.": ("jp", 190, 40, 0, -0.5, 1.1),
    "simonii": ("jp", 200, 45, 3, 0.0, 1.0),
    "ussuriensis": ("jp", 215, 18, 6, -1.0, 1.5),
    "domestica": ("eu", 232, 40, 12, 1.5, 0.7),
    "cerasifera": ("wild", 195, 12, -4, -1.5, 1.6),
    "spinosa": ("wild", 268, 3, 18, 0.0, 2.0),
    "americana": ("wild", 225, 14, 12, -1.0, 1.4),
    "armeniaca": ("wild", 170, 30, -6, 0.5, 1.6),
    "persica": ("wild", 205, 40, 4, -1.0, 0.8),
    "mume": ("wild", 160, 15, -40, -3.0, 4.0),
    "tomentosa": ("wild", 165, 2.5, 8, -1.0, 1.2),
}
# Fruit weight factor by SAMPSTAT (landraces smaller than cultivars; wild smallest).
WEIGHT_FACTOR = {"1": 0.6, "300": 0.8, "4": 1.1, "500": 1.25}

# Traits following the climate of origin: code -> (value for Wushan material, change per unit
# of "north" (about 10° of latitude), genetic sd). Low-chill southern material blooms early;
# northern material needs more chilling, is more cold-hardy and drops its leaves earlier.
CLIMATE = {
    "FULL_BLOOM_DATE": (72, 20, 5),
    "CHILLING_REQUIREMENT": (750, 330, 70),
    "COLD_HARDINESS_LT50": (-24.0, -9.0, 2.5),
    "LEAF_FALL_DATE": (318, -14, 7),
}
PROBLEM_LANDRACE_RATE = 0.35  # local landraces prone to cracking and early fruit drop

# Hints from the name (ACCENAME), first match wins per key. Absolute: harvest, weight, ssc;
# shifts: dh (days), dssc; ta_x multiplies acidity; category codes: texture, skin, flesh,
# shape, stone; aroma adds to the aroma score.
NAME_HINTS = (
    ("巫山脆李", {"harvest": 196, "weight": 37, "ssc": 13.5, "ta_x": 0.85, "texture": "1",
                "skin": "2", "flesh": "5", "shape": "2", "stone": "2"}),
    ("蜂糖", {"dssc": 3.5, "ta_x": 0.5, "texture": "1", "skin": "2", "flesh": "5", "dh": 5}),
    ("江安", {"dh": -25, "texture": "1", "skin": "1", "flesh": "3"}),
    ("三华", {"dh": -10, "texture": "1", "skin": "5", "flesh": "7"}),
    ("芙蓉", {"dh": 5, "skin": "5", "flesh": "7"}),
    ("槜李", {"texture": "3", "aroma": 1.0, "skin": "4", "flesh": "4", "shape": "1"}),
    ("青脆", {"texture": "1", "skin": "1", "flesh": "3"}),
    ("脆", {"texture": "1", "dssc": 0.5}),
    ("青", {"skin": "1", "flesh": "2"}),
    ("冰糖", {"dssc": 1.5, "ta_x": 0.7}),
    ("蜜", {"dssc": 1.5, "ta_x": 0.7}),
    ("甜", {"dssc": 1.2, "ta_x": 0.75}),
    ("酸", {"dssc": -1.0, "ta_x": 1.8}),
    ("胭脂", {"skin": "5", "flesh": "7"}),
    ("鸡血", {"skin": "6", "flesh": "8"}),
    ("朱砂", {"skin": "4", "flesh": "7"}),
    ("红心", {"skin": "4", "flesh": "7"}),
    ("黄腊", {"skin": "3", "flesh": "5"}),
    ("黄李", {"skin": "3", "flesh": "5"}),
    ("红李", {"skin": "4"}),
    ("离核", {"stone": "3"}),
    ("麦李", {"dh": -30}),
    ("早", {"dh": -25}),
    ("晚", {"dh": 35}),
    ("牛心", {"shape": "6"}),
    ("鸡心", {"shape": "6"}),
    ("桃形", {"shape": "6"}),
    ("歪嘴", {"shape": "6"}),
    ("香蕉", {"shape": "5", "aroma": 1.0}),
    ("Santa Rosa", {"harvest": 190, "weight": 70, "skin": "5", "flesh": "5", "texture": "3",
                    "shape": "6"}),
    ("Friar", {"harvest": 225, "weight": 110, "skin": "6", "flesh": "4", "texture": "2"}),
    ("Black Amber", {"harvest": 205, "weight": 120, "skin": "6", "flesh": "4", "texture": "2"}),
    ("Angeleno", {"harvest": 255, "weight": 100, "skin": "6", "flesh": "4", "texture": "2"}),
    ("Oishi-wase", {"harvest": 165, "weight": 42, "skin": "5", "flesh": "4", "texture": "3"}),
    ("Taiyo", {"harvest": 240, "weight": 120, "skin": "5", "flesh": "4", "texture": "2"}),
    ("Methley", {"harvest": 170, "weight": 40, "skin": "5", "flesh": "7", "texture": "3"}),
    ("Shiro", {"harvest": 185, "weight": 45, "skin": "3", "flesh": "5", "texture": "3"}),
    ("Stanley", {"harvest": 240, "weight": 45, "skin": "7", "flesh": "5", "stone": "3",
                 "shape": "4"}),
    ("Čačanska lepotica", {"harvest": 210, "weight": 45, "skin": "7", "stone": "3",
                           "shape": "4"}),
    ("Président", {"harvest": 265, "weight": 60, "skin": "7", "shape": "4"}),
    ("Reine Claude", {"harvest": 225, "weight": 35, "skin": "1", "flesh": "3", "ssc": 17.0,
                      "shape": "2"}),
    ("Mirabelle", {"harvest": 230, "weight": 12, "skin": "3", "flesh": "5", "ssc": 17.0,
                   "shape": "2"}),
)

# Nominal descriptors drawn once per accession: code -> family -> {category: weight}.
NOMINAL = {
    "TREE_GROWTH_HABIT": {"jp": {"1": 2, "2": 5, "3": 4, "4": 1},
                          "eu": {"1": 5, "2": 4, "3": 1}, "wild": {"2": 3, "3": 4, "4": 1}},
    "ONE_YEAR_SHOOT_COLOR": {"jp": {"3": 5, "4": 3, "5": 2, "6": 3, "7": 1},
                             "eu": {"2": 2, "4": 3, "6": 1, "7": 4},
                             "wild": {"3": 3, "4": 3, "6": 2, "7": 3}},
    "LEAF_BLADE_SHAPE": {"jp": {"2": 2, "3": 5, "4": 4}, "eu": {"1": 3, "2": 5, "3": 2},
                         "wild": {"1": 3, "2": 3, "3": 3, "5": 1}},
    "LEAF_APEX_SHAPE": {"jp": {"1": 3, "3": 1, "4": 5}, "eu": {"1": 3, "2": 1, "3": 4},
                        "wild": {"1": 4, "3": 2, "4": 3}},
    "LEAF_BASE_SHAPE": {"jp": {"1": 6, "2": 3}, "eu": {"1": 3, "2": 5, "3": 1},
                        "wild": {"1": 5, "2": 3, "3": 1}},
    "FRUIT_SHAPE": {"jp": {"1": 2, "2": 5, "3": 1, "6": 3},
                    "eu": {"2": 1, "3": 3, "4": 4, "5": 2, "7": 1},
                    "wild": {"2": 6, "3": 2, "4": 1}},
    "SKIN_COLOR": {"jp": {"1": 1, "2": 3, "3": 2, "4": 3, "5": 4, "6": 2},
                   "eu": {"2": 1, "3": 2, "5": 1, "6": 2, "7": 5},
                   "wild": {"3": 2, "4": 3, "5": 2, "6": 2, "7": 2}},
    "FLESH_COLOR": {"jp": {"3": 2, "4": 3, "5": 5, "6": 1, "7": 2, "8": 1},
                    "eu": {"2": 1, "3": 2, "4": 3, "5": 4, "6": 1},
                    "wild": {"3": 2, "4": 3, "5": 4, "7": 1}},
    "STONE_ADHESION": {"jp": {"1": 6, "2": 3, "3": 1}, "eu": {"1": 2, "2": 3, "3": 5},
                       "wild": {"1": 6, "2": 2, "3": 1}},
    "FLESH_TEXTURE": {"jp": {"1": 3, "2": 2, "3": 4, "4": 2, "5": 1},
                      "eu": {"2": 4, "3": 3, "4": 2, "5": 1}, "wild": {"3": 2, "4": 4, "5": 3}},
}
HINT_KEYS = {"FRUIT_SHAPE": "shape", "SKIN_COLOR": "skin", "FLESH_COLOR": "flesh",
             "STONE_ADHESION": "stone", "FLESH_TEXTURE": "texture"}
SHAPE_INDEX = {"1": (0.80, 0.92), "2": (0.93, 1.04), "3": (1.05, 1.15), "4": (1.10, 1.25),
               "5": (1.25, 1.45), "6": (1.00, 1.10), "7": (1.05, 1.20)}

# Plain numerical traits: code -> ((jp, eu, wild) genetic means, genetic sd, yearly sd).
NUMERIC = {
    "LEAF_LENGTH": ((8.5, 7.0, 5.5), 1.0, 0.4),
    "PETIOLE_LENGTH": ((1.3, 1.5, 0.9), 0.3, 0.1),
    "FLOWERS_PER_BUD": ((2.6, 1.7, 1.5), 0.4, 0.2),
    "BOUQUET_SPUR_RATIO": ((55.0, 30.0, 40.0), 12.0, 4.0),
    "FRUIT_SET": ((22.0, 18.0, 25.0), 6.0, 5.0),
    "YEARS_TO_FIRST_BEARING": ((3.0, 4.0, 4.5), 0.8, 0.0),
    "YIELD_PER_TREE": ((35.0, 25.0, 12.0), 10.0, 6.0),
    "VITAMIN_C": ((8.0, 6.0, 12.0), 2.5, 0.8),
    "TOTAL_PHENOLICS": ((240.0, 200.0, 380.0), 60.0, 25.0),
}
# Texture -> (firmness kg/cm², shelf life d, crispness, juiciness) genetic means.
TEXTURE = {"1": (11.0, 10.0, 3.5, 2.3), "2": (8.0, 14.0, 2.2, 1.8), "3": (4.0, 6.0, 1.2, 2.9),
           "4": (2.5, 4.0, 1.0, 2.6), "5": (3.5, 7.0, 1.1, 1.2)}
FLAVOR_LIMITS = ((8, "1"), (12, "2"), (18, "3"))  # SSC/TA below limit; above: sweet
# Anthocyanins (mg/100 g) by skin colour, and extra for red flesh.
ANTHOCYANIN_SKIN = {"1": 0.3, "2": 0.8, "3": 1.5, "4": 15.0, "5": 25.0, "6": 60.0, "7": 40.0}
ANTHOCYANIN_FLESH = {"7": 80.0, "8": 130.0}

# Ordinal scores on the code scale: code -> ((jp, eu, wild) genetic means, genetic sd,
# yearly sd). Scores of the last block get accession-specific terms added in the generator.
ORDINAL = {
    "TREE_VIGOR": ((5.2, 5.0, 5.6), 1.3, 0.5),
    "SELF_COMPATIBILITY": ((2.7, 1.3, 2.5), 0.5, 0.1),
    "SUTURE": ((2.1, 1.8, 1.8), 0.6, 0.2),
    "SKIN_BLOOM": ((1.8, 2.7, 2.2), 0.5, 0.2),
    "EARLY_FRUIT_DROP": ((3.6, 3.4, 3.8), 1.2, 0.9),
    "FRUIT_CRACKING": ((3.6, 3.2, 3.0), 1.2, 0.9),
    "BACTERIAL_SPOT": ((4.8, 4.0, 3.8), 1.4, 0.6),
    "BROWN_ROT": ((4.2, 4.4, 3.8), 1.4, 0.6),
    "RED_SPOT": ((3.8, 5.0, 4.0), 1.4, 0.6),
    "GUMMOSIS": ((4.2, 4.2, 3.8), 1.4, 0.6),
    "APHIDS": ((4.4, 4.2, 4.0), 1.4, 0.7),
    "PLUM_POX": ((0.2, 1.0, 0.2), 0.8, 0.2),
    "HEALTH_STATUS": ((2.4, 2.6, 2.2), 1.2, 0.7),
    "DROUGHT_TOLERANCE": ((4.4, 4.8, 3.8), 1.4, 0.5),
    "WATERLOGGING_TOLERANCE": ((4.6, 5.0, 4.4), 1.4, 0.5),
    "AROMA": ((1.8, 1.9, 1.6), 0.6, 0.3),
    "COLD_HARDINESS": ((0.0, 0.0, 0.0), 0.6, 0.5),
    "HEAT_TOLERANCE": ((4.4, 5.0, 4.2), 1.0, 0.5),
    "CRISPNESS": ((0.0, 0.0, 0.0), 0.3, 0.3),
    "JUICINESS": ((0.0, 0.0, 0.0), 0.3, 0.3),
    "OVERALL_FRUIT_QUALITY": ((2.6, 2.6, 3.4), 0.4, 0.4),
}
PROBLEM_SHIFT = 2.2  # added to EARLY_FRUIT_DROP and FRUIT_CRACKING of problem landraces

# OBSERVED_ON of non-date traits: code -> (anchor, first offset, last offset). The anchor is
# "harvest", "bloom" (full bloom), "first" (first bloom) or a MM-DD day of the campaign year.
OBSERVED = {
    "TREE_GROWTH_HABIT": ("01-05", 0, 40), "ONE_YEAR_SHOOT_COLOR": ("01-05", 0, 40),
    "BOUQUET_SPUR_RATIO": ("01-05", 0, 40), "TREE_VIGOR": ("12-01", 0, 20),
    "LEAF_BLADE_SHAPE": ("07-01", 0, 50), "LEAF_APEX_SHAPE": ("07-01", 0, 50),
    "LEAF_BASE_SHAPE": ("07-01", 0, 50), "LEAF_LENGTH": ("07-01", 0, 50),
    "LEAF_WIDTH": ("07-01", 0, 50), "PETIOLE_LENGTH": ("07-01", 0, 50),
    "FLOWERS_PER_BUD": ("first", -4, -1), "SELF_COMPATIBILITY": ("bloom", 30, 42),
    "FRUIT_SET": ("bloom", 40, 48), "EARLY_FRUIT_DROP": ("bloom", 45, 60),
    "FRUIT_DEVELOPMENT_PERIOD": ("harvest", 0, 0), "YEARS_TO_FIRST_BEARING": ("harvest", 0, 0),
    "CHILLING_REQUIREMENT": ("first", -10, 0), "FRUIT_CRACKING": ("harvest", 0, 2),
    "BACTERIAL_SPOT": ("07-10", 0, 40), "BROWN_ROT": ("harvest", 5, 7),
    "PLUM_POX": ("09-01", 0, 30), "RED_SPOT": ("06-15", 0, 60), "GUMMOSIS": ("10-01", 0, 45),
    "APHIDS": ("04-10", 0, 40), "HEALTH_STATUS": ("06-01", 0, 90),
    "DROUGHT_TOLERANCE": ("07-20", 0, 40), "COLD_HARDINESS": ("01-10", 0, 45),
    "COLD_HARDINESS_LT50": ("01-05", 0, 20), "HEAT_TOLERANCE": ("07-15", 0, 35),
    "WATERLOGGING_TOLERANCE": ("06-01", 0, 45),
}
DEFAULT_OBSERVED = ("harvest", 0, 3)  # fruit and quality traits: at or just after harvest
