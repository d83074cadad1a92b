"""China's provincial-level divisions, to find the province in a collecting site."""
from functools import lru_cache

PROVINCES = (
    ("北京", "Beijing"), ("天津", "Tianjin"), ("河北", "Hebei"), ("山西", "Shanxi"),
    ("内蒙古", "Inner Mongolia"), ("辽宁", "Liaoning"), ("吉林", "Jilin"),
    ("黑龙江", "Heilongjiang"), ("上海", "Shanghai"), ("江苏", "Jiangsu"), ("浙江", "Zhejiang"),
    ("安徽", "Anhui"), ("福建", "Fujian"), ("江西", "Jiangxi"), ("山东", "Shandong"),
    ("河南", "Henan"), ("湖北", "Hubei"), ("湖南", "Hunan"), ("广东", "Guangdong"),
    ("广西", "Guangxi"), ("海南", "Hainan"), ("重庆", "Chongqing"), ("四川", "Sichuan"),
    ("贵州", "Guizhou"), ("云南", "Yunnan"), ("西藏", "Tibet"), ("陕西", "Shaanxi"),
    ("甘肃", "Gansu"), ("青海", "Qinghai"), ("宁夏", "Ningxia"), ("新疆", "Xinjiang"),
    ("台湾", "Taiwan"), ("香港", "Hong Kong"), ("澳门", "Macau"),
)


@lru_cache(maxsize=20_000)  # sites repeat: the snapshot asks for every accession's
def province_of(site: str | None) -> str | None:
    """The Chinese name of the province a site names, e.g. 重庆市巫山县 -> 重庆."""
    if not site:
        return None
    lowered = site.lower()
    for chinese, english in PROVINCES:
        if site.startswith(chinese) or lowered.startswith(english.lower()):
            return chinese
    return next((chinese for chinese, _ in PROVINCES if chinese in site), None)


def province_label(chinese: str, locale: str) -> str:
    english = dict(PROVINCES).get(chinese, chinese)
    return chinese if locale.startswith("zh") else english
