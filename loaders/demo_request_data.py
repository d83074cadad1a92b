"""Who asks the demo nursery for material, and what for: fictitious recipients of every kind,
most in the provinces around the Three Gorges, a few abroad (their parcels need a
phytosanitary certificate). E-mail addresses use reserved example domains."""

# (user name, person, institution, kind, province or None, country, address)
RECIPIENTS = (
    ("demo.cqaas", "张明远", "重庆市农业科学院果树研究所", "research", "重庆", "CHN",
     "重庆市九龙坡区白市驿镇"),
    ("demo.scaas", "刘晓燕", "四川省农业科学院园艺研究所", "research", "四川", "CHN",
     "四川省成都市锦江区狮子山路"),
    ("demo.gzaas", "吴国平", "贵州省果树科学研究所", "research", "贵州", "CHN",
     "贵州省贵阳市花溪区"),
    ("demo.swu", "李思源", "西南大学园艺园林学院", "university", "重庆", "CHN",
     "重庆市北碚区天生路2号"),
    ("demo.hzau", "陈志强", "华中农业大学园艺林学学院", "university", "湖北", "CHN",
     "湖北省武汉市洪山区狮子山街1号"),
    ("demo.nwafu", "王海燕", "西北农林科技大学园艺学院", "university", "陕西", "CHN",
     "陕西省杨凌示范区邰城路3号"),
    ("demo.ynau", "杨丽华", "云南农业大学园林园艺学院", "university", "云南", "CHN",
     "云南省昆明市盘龙区"),
    ("demo.sanxia", "周建华", "重庆三峡李业有限公司（演示）", "enterprise", "重庆", "CHN",
     "重庆市巫山县高唐街道"),
    ("demo.ynfruit", "赵云飞", "云南高原果业有限公司（演示）", "enterprise", "云南", "CHN",
     "云南省玉溪市红塔区"),
    ("demo.quchi", "向天明", "巫山县曲尺乡脆李专业合作社", "cooperative", "重庆", "CHN",
     "重庆市巫山县曲尺乡"),
    ("demo.fengjie", "冉小兰", "奉节县青脆李种植专业合作社", "cooperative", "重庆", "CHN",
     "重庆市奉节县永乐镇"),
    ("demo.zigui", "谭德兵", "秭归县李子产业专业合作社", "cooperative", "湖北", "CHN",
     "湖北省宜昌市秭归县"),
    ("demo.farmer1", "邓大伯", "个人（巫山县两坪乡果农）", "farmer", "重庆", "CHN",
     "重庆市巫山县两坪乡朝阳村"),
    ("demo.farmer2", "罗家顺", "个人（镇宁县果农）", "farmer", "贵州", "CHN",
     "贵州省安顺市镇宁县六马镇"),
    ("demo.farmer3", "孙桂芳", "个人（汉中市果农）", "farmer", "陕西", "CHN",
     "陕西省汉中市城固县"),
    ("demo.kazfruit", "Aigerim Sadykova", "Kazakh Research Institute of Fruit Growing",
     "research", None, "KAZ", "Almaty, Kazakhstan"),
    ("demo.vir", "Ivan Petrov", "N.I. Vavilov Institute of Plant Genetic Resources",
     "research", None, "RUS", "St Petersburg, Russia"),
    ("demo.hanoi", "Nguyen Van An", "Vietnam National University of Agriculture",
     "university", None, "VNM", "Gia Lam, Hanoi, Vietnam"),
)
# How often each recipient asks, in the order above (farmers and institutes ask most).
WEIGHTS = (6, 5, 3, 6, 4, 4, 3, 4, 3, 5, 4, 3, 4, 3, 2, 1, 1, 1)

# Intended uses by recipient kind, with weights; notes say what the material is for.
USES = {
    "research": {"research": 6, "conservation": 2, "breeding": 2},
    "university": {"research": 5, "teaching": 3, "breeding": 2},
    "enterprise": {"production": 6, "breeding": 2, "other": 1},
    "cooperative": {"production": 8, "other": 1},
    "farmer": {"production": 9, "other": 1},
}
USE_NOTES = {
    "research": ("自交不亲和S基因型鉴定", "果实品质形成机理研究", "抗流胶病评价"),
    "teaching": ("果树栽培学实习：嫁接教学", "种质资源学课程观察材料"),
    "breeding": ("杂交育种亲本", "晚熟脆李选育"),
    "production": ("高接换种", "新建示范园", "品种更新"),
    "conservation": ("异地备份保存", "安全备份"),
    "other": ("科普展示园", "乡村旅游观光采摘园"),
}
CARRIERS = ("顺丰速运", "中国邮政EMS", "京东物流", "德邦快递")
USAGE = (("已嫁接于毛桃砧木，成活率约85%。", "两年后开花结果，果实品质待评价。"),
         ("用作杂交亲本，完成授粉120朵。", "获得杂种实生苗46株。"),
         ("建立示范园5亩。", "第三年亩产约800公斤，市场反响良好。"),
         ("用于S基因型鉴定。", "鉴定出两个新的S等位基因，已投稿。"),
         ("课程实习嫁接材料。", "学生嫁接成活率72%。"))
