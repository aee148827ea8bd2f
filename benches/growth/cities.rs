//! Gansu's 14 prefecture-level cities and their county-level divisions, as the generator
//! places copies of the documents in them. Test data only: `rules/facts.toml` lists
//! Pingliang and Wuwei (the cities of the real documents); the generated rule sets add the
//! others to the `city` and `county` facts.

/// A prefecture-level city (市 or 自治州).
pub struct City {
    /// The `city` value.
    pub id: &'static str,
    /// The name as a government document prints it (平凉市, 临夏回族自治州).
    pub full: &'static str,
    /// The short name (平凉, 临夏).
    pub short: &'static str,
    pub en: &'static str,
    /// What stands before 政发 in its documents' numbers.
    pub prefix: &'static str,
    /// The county-level divisions, in the order `facts.toml` lists them (id, zh, en).
    pub counties: &'static [(&'static str, &'static str, &'static str)],
}

/// The cities in the generator's rotation: the two of the real documents first (copy 0 is
/// `rules/` itself), then the others as the issue lists them.
pub const CITIES: [City; 14] = [
    City {
        id: "pingliang",
        full: "平凉市",
        short: "平凉",
        en: "Pingliang",
        prefix: "平",
        counties: &[
            ("kongtong", "崆峒区", "Kongtong District"),
            ("huating", "华亭市", "Huating"),
            ("jingchuan", "泾川县", "Jingchuan County"),
            ("lingtai", "灵台县", "Lingtai County"),
            ("chongxin", "崇信县", "Chongxin County"),
            ("zhuanglang", "庄浪县", "Zhuanglang County"),
            ("jingning", "静宁县", "Jingning County"),
            (
                "pingliang_park",
                "平凉工业园区（高新区）",
                "Pingliang Industrial Park (High-tech Zone)",
            ),
        ],
    },
    City {
        id: "wuwei",
        full: "武威市",
        short: "武威",
        en: "Wuwei",
        prefix: "武",
        counties: &[
            ("liangzhou", "凉州区", "Liangzhou District"),
            ("minqin", "民勤县", "Minqin County"),
            ("gulang", "古浪县", "Gulang County"),
            (
                "tianzhu",
                "天祝藏族自治县",
                "Tianzhu Tibetan Autonomous County",
            ),
        ],
    },
    City {
        id: "lanzhou",
        full: "兰州市",
        short: "兰州",
        en: "Lanzhou",
        prefix: "兰",
        counties: &[
            ("chengguan", "城关区", "Chengguan District"),
            ("qilihe", "七里河区", "Qilihe District"),
            ("xigu", "西固区", "Xigu District"),
            ("anning", "安宁区", "Anning District"),
            ("honggu", "红古区", "Honggu District"),
            ("yongdeng", "永登县", "Yongdeng County"),
            ("gaolan", "皋兰县", "Gaolan County"),
            ("yuzhong", "榆中县", "Yuzhong County"),
        ],
    },
    City {
        id: "jiayuguan",
        full: "嘉峪关市",
        short: "嘉峪关",
        en: "Jiayuguan",
        prefix: "嘉",
        counties: &[
            ("xiongguan", "雄关区", "Xiongguan District"),
            ("jingtie", "镜铁区", "Jingtie District"),
            ("changcheng", "长城区", "Changcheng District"),
        ],
    },
    City {
        id: "jinchang",
        full: "金昌市",
        short: "金昌",
        en: "Jinchang",
        prefix: "金",
        counties: &[
            ("jinchuan", "金川区", "Jinchuan District"),
            ("yongchang", "永昌县", "Yongchang County"),
        ],
    },
    City {
        id: "baiyin",
        full: "白银市",
        short: "白银",
        en: "Baiyin",
        prefix: "白",
        counties: &[
            ("baiyin_district", "白银区", "Baiyin District"),
            ("pingchuan", "平川区", "Pingchuan District"),
            ("jingyuan", "靖远县", "Jingyuan County"),
            ("huining", "会宁县", "Huining County"),
            ("jingtai", "景泰县", "Jingtai County"),
        ],
    },
    City {
        id: "tianshui",
        full: "天水市",
        short: "天水",
        en: "Tianshui",
        prefix: "天",
        counties: &[
            ("qinzhou", "秦州区", "Qinzhou District"),
            ("maiji", "麦积区", "Maiji District"),
            ("qingshui", "清水县", "Qingshui County"),
            ("qinan", "秦安县", "Qin'an County"),
            ("gangu", "甘谷县", "Gangu County"),
            ("wushan", "武山县", "Wushan County"),
            (
                "zhangjiachuan",
                "张家川回族自治县",
                "Zhangjiachuan Hui Autonomous County",
            ),
        ],
    },
    City {
        id: "zhangye",
        full: "张掖市",
        short: "张掖",
        en: "Zhangye",
        prefix: "张",
        counties: &[
            ("ganzhou", "甘州区", "Ganzhou District"),
            ("sunan", "肃南裕固族自治县", "Sunan Yugur Autonomous County"),
            ("minle", "民乐县", "Minle County"),
            ("linze", "临泽县", "Linze County"),
            ("gaotai", "高台县", "Gaotai County"),
            ("shandan", "山丹县", "Shandan County"),
        ],
    },
    City {
        id: "jiuquan",
        full: "酒泉市",
        short: "酒泉",
        en: "Jiuquan",
        prefix: "酒",
        counties: &[
            ("suzhou", "肃州区", "Suzhou District"),
            ("yumen", "玉门市", "Yumen"),
            ("dunhuang", "敦煌市", "Dunhuang"),
            ("jinta", "金塔县", "Jinta County"),
            ("guazhou", "瓜州县", "Guazhou County"),
            (
                "subei",
                "肃北蒙古族自治县",
                "Subei Mongol Autonomous County",
            ),
            (
                "aksay",
                "阿克塞哈萨克族自治县",
                "Aksay Kazakh Autonomous County",
            ),
        ],
    },
    City {
        id: "qingyang",
        full: "庆阳市",
        short: "庆阳",
        en: "Qingyang",
        prefix: "庆",
        counties: &[
            ("xifeng", "西峰区", "Xifeng District"),
            ("qingcheng", "庆城县", "Qingcheng County"),
            ("huanxian", "环县", "Huan County"),
            ("huachi", "华池县", "Huachi County"),
            ("heshui", "合水县", "Heshui County"),
            ("zhengning", "正宁县", "Zhengning County"),
            ("ningxian", "宁县", "Ning County"),
            ("zhenyuan", "镇原县", "Zhenyuan County"),
        ],
    },
    City {
        id: "dingxi",
        full: "定西市",
        short: "定西",
        en: "Dingxi",
        prefix: "定",
        counties: &[
            ("anding", "安定区", "Anding District"),
            ("tongwei", "通渭县", "Tongwei County"),
            ("longxi", "陇西县", "Longxi County"),
            ("weiyuan", "渭源县", "Weiyuan County"),
            ("lintao", "临洮县", "Lintao County"),
            ("zhangxian", "漳县", "Zhang County"),
            ("minxian", "岷县", "Min County"),
        ],
    },
    City {
        id: "longnan",
        full: "陇南市",
        short: "陇南",
        en: "Longnan",
        prefix: "陇",
        counties: &[
            ("wudu", "武都区", "Wudu District"),
            ("chengxian", "成县", "Cheng County"),
            ("wenxian", "文县", "Wen County"),
            ("tanchang", "宕昌县", "Tanchang County"),
            ("kangxian", "康县", "Kang County"),
            ("xihe", "西和县", "Xihe County"),
            ("lixian", "礼县", "Li County"),
            ("huixian", "徽县", "Hui County"),
            ("liangdang", "两当县", "Liangdang County"),
        ],
    },
    City {
        id: "linxia",
        full: "临夏回族自治州",
        short: "临夏",
        en: "Linxia",
        prefix: "临州",
        counties: &[
            ("linxia_city", "临夏市", "Linxia City"),
            ("linxia_county", "临夏县", "Linxia County"),
            ("kangle", "康乐县", "Kangle County"),
            ("yongjing", "永靖县", "Yongjing County"),
            ("guanghe", "广河县", "Guanghe County"),
            ("hezheng", "和政县", "Hezheng County"),
            ("dongxiang", "东乡族自治县", "Dongxiang Autonomous County"),
            (
                "jishishan",
                "积石山保安族东乡族撒拉族自治县",
                "Jishishan Autonomous County",
            ),
        ],
    },
    City {
        id: "gannan",
        full: "甘南藏族自治州",
        short: "甘南",
        en: "Gannan",
        prefix: "州",
        counties: &[
            ("hezuo", "合作市", "Hezuo"),
            ("lintan", "临潭县", "Lintan County"),
            ("zhuoni", "卓尼县", "Zhuoni County"),
            ("zhouqu", "舟曲县", "Zhouqu County"),
            ("diebu", "迭部县", "Diebu County"),
            ("maqu", "玛曲县", "Maqu County"),
            ("luqu", "碌曲县", "Luqu County"),
            ("xiahe", "夏河县", "Xiahe County"),
        ],
    },
];

/// How many of a new city's counties the generated `county` fact lists. An enum holds at
/// most 64 values (a condition tests them as one `u64` mask), fewer than Gansu's 86
/// county-level divisions; Pingliang's 8 and Wuwei's 4, already in `facts.toml`, stay.
const NEW_CITY_COUNTIES: usize = 4;

impl City {
    /// The counties the generated `county` fact lists for this city.
    pub fn listed_counties(&self) -> &'static [(&'static str, &'static str, &'static str)] {
        if ["pingliang", "wuwei"].contains(&self.id) {
            self.counties
        } else {
            &self.counties[..self.counties.len().min(NEW_CITY_COUNTIES)]
        }
    }
}

/// The city with this `city` value.
pub fn by_id(id: &str) -> Option<&'static City> {
    CITIES.iter().find(|c| c.id == id)
}
