//! Every string of the user interface, in Chinese and English, under a typed key: a key that
//! is not in the catalog does not compile, and a test checks that no string is missing in
//! either language. Rule texts (questions, reliefs) live in `rules/` instead.
//!
//! The keys are the variants of [`Msg`]; a string is `ZH[key]` or `EN[key]`, so no key name
//! and no lookup ships in the wasm. The wasm carries only the Chinese: the English travels
//! in `texts-en.bin` ([`english`] writes it, [`install_english`] takes it in), and until it
//! is there an English string is its Chinese one (the app shows English only once its
//! texts are here, `app::Ctx::lang`). `{n}`, `{m}`, `{d}`, `{a}` and `{b}` stand for what the
//! caller puts in their place; in English, `{n:measure|measures}` is the word for that count
//! ([`fill`]).

use crate::model::{Lang, Per, CATEGORIES};

/// Declares [`Msg`] with one variant per line, and the two tables of strings in the same
/// order.
macro_rules! catalog {
    ($($key:ident: $zh:literal, $en:literal;)*) => {
        /// A string of the user interface (see the module comment).
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum Msg {
            $($key,)*
        }

        impl Msg {
            /// Every key, in catalog order.
            pub const ALL: &'static [Msg] = &[$(Msg::$key,)*];
        }

        static ZH: &[&str] = &[$($zh,)*];
        #[cfg(not(target_arch = "wasm32"))]
        static EN: &[&str] = &[$($en,)*];
    };
}

catalog! {
    AppName: "惠策通", "Relief Finder";
    AppTagline: "甘肃惠企惠民政策计算器", "Find the Gansu reliefs you qualify for";
    AppPrivacy: "您的回答只保存在本设备上，不会上传。", "Your answers stay on this device; nothing is uploaded.";
    AppRuleset: "规则版本", "Rule set";
    AppUpdate: "有新版本可用。", "A new version is available.";
    AppUpdateNow: "更新", "Update";

    KioskStillThere: "您还在使用吗？", "Are you still there?";
    KioskWipeIn: "为保护隐私，{n} 秒后将清除本次回答，回到首页。", "To protect your privacy, your answers will be wiped in {n} {n:second|seconds}.";
    KioskContinue: "继续使用", "Keep going";
    KioskFinish: "我已完成，清除", "I am done, wipe now";
    KioskKeypad: "数字键盘", "Number keypad";
    KioskClear: "清除", "Clear";
    KioskDelete: "删除", "Delete";
    KioskTakeAway: "带走结果", "Take your results";
    KioskTakeAwayHelp: "用手机扫码，或打印带走。", "Scan the code with your phone, or print.";
    KioskClose: "关闭", "Close";

    HandoffMissing: "工作人员：本机从本地地址运行，手机打不开它的二维码。请在启动地址后加上 &handoff=公网地址（见 README）。", "For staff: this kiosk runs from a local address, which phones cannot open from its QR codes. Add &handoff= and the public address to its start address (see the README).";
    HandoffUnusable: "工作人员：手机打不开 handoff 地址，须为 http(s):// 开头的公网地址：", "For staff: phones cannot open the handoff address; it must be a public http(s):// address:";

    PrintPrintedOn: "打印日期", "Printed on";
    PrintScope: "本结果只涵盖以下文件中的措施。国家和省级政策可能增加或延长措施，请咨询纳税服务热线12366、人社服务热线12333或政务服务中心窗口。", "These results cover only the measures of the documents below. National and provincial policy may add or extend measures: ask the tax hotline 12366, the social-insurance hotline 12333 or a government service centre window.";
    PrintNotInForce: "符合条件，但在查询日期未实施", "You qualify, but not in force on the date asked about";
    PrintOpen: "另有 {n} 项可能符合：扫码在手机上继续回答。", "{n} more may apply: scan the code to go on answering on your phone.";
    PrintUnsure: "另有 {n} 个问题回答了“不确定”。", "{n} {n:question was|questions were} answered “not sure”.";

    ResQr: "用手机扫码，带走这份结果（离线也能打开）", "Scan with your phone to take these results with you (works offline)";
    ResQrAlt: "本页结果链接的二维码", "QR code of the link to these results";

    StartLead: "回答几个简单问题，查看您可以享受的减税降费、补贴和便利服务，以及去哪里办理。", "Answer a few short questions to see the tax cuts, fee waivers, subsidies and services you can get, and where to apply.";
    StartBegin: "开始", "Start";
    StartCounts: "收录 {d} 份文件中的 {n} 项政策和服务", "{n} reliefs and services from {d} {d:document|documents}";

    NavBack: "上一步", "Back";
    NavResults: "查看结果", "Show results";
    NavRestart: "重新开始", "Start again";
    NavLanguage: "English", "中文";
    NavLanguageLabel: "切换语言", "Switch language";
    LangEnFailed: "英文版没能载入，请检查网络连接后重试。English could not be loaded: check the connection and try again.", "English could not be loaded: check the connection and try again.";
    NavBig: "大字", "Large text";

    ProgressAnswered: "已回答 {n} 题", "{n} answered";

    ResEarly: "再回答 {n} 个问题，可确定 {m} 项待定的政策。", "About {n} more {n:question|questions} would settle {m} open {m:measure|measures}.";

    ProgressStep: "第 {n} 题，约还有 {m} 题", "Question {n}, about {m} more";
    ProgressFound: "已找到 {n} 项", "{n} found";

    QNotSure: "不确定", "Not sure";
    QNext: "确定", "Continue";
    QHelp: "这是什么意思？", "What does this mean?";
    QHelpLoading: "正在载入说明……", "Loading the explanation…";
    QChooseAny: "可多选；都不符合请直接点“确定”。", "Choose all that apply; if none do, just continue.";
    QYes: "是", "Yes";
    QNo: "否", "No";
    QAmountHint: "例如 80000、8万 或 80,000", "e.g. 80000, 8万 or 80,000";
    QDateHint: "如 2023-06-01；只知道年月可填 2022-07（按当月1日计）", "e.g. 2023-06-01; a year and month will do, 2022-07 (read as the 1st)";
    QStakes: "这一步关系到：{n}", "At stake here: {n}";
    QItems: " {n} 项", " {n}";
    QListSep: "、", ", ";

    ErrNumber: "请输入金额或数字，例如 80000、8万 或 80,000。", "Enter an amount or number, e.g. 80000, 8万 or 80,000.";
    ErrNegative: "不能是负数。", "It cannot be negative.";
    ErrDate: "请输入有效日期，例如 2023-06-01。", "Enter a valid date, e.g. 2023-06-01.";
    ErrChoose: "请选择一项，或点“不确定”。", "Choose one, or “Not sure”.";
    ErrLinkDamaged: "这个链接已损坏，无法读取之前的回答。已为您重新开始。", "This link is damaged, so its answers could not be read. You are starting again.";
    ErrLinkOld: "这个链接是用旧版规则生成的，结果可能与当时不同。", "This link was made with an older rule set; results may differ from then.";
    ErrLinkDropped: "旧链接中有些回答已不再使用：", "Some answers in the old link are no longer used:";
    ErrLinkUnreadable: "另有 {n} 项回答无法读取。", "{n} more {n:answer|answers} could not be read.";
    ErrDismiss: "知道了", "OK";

    ResTitle: "您的结果", "Your results";
    ResAsOf: "查询日期", "Date asked about";
    ResAsOfHelp: "政策是否有效按这个日期判断。可以改为过去的日期，例如查看2023年度。", "Whether a measure is in force is judged on this date. You can pick a past date, e.g. to look at 2023.";
    ResViewing: "您正在查看{d}的情况", "You are looking at {d}";
    ResBackToday: "回到今天", "Back to today";
    ResControls: "调整日期、排序和类别", "Date, order and categories";
    ResScope: "结果只涵盖以下{n}份文件：", "These results cover only {n:this document|these # documents}: ";
    ResScopeMore: "。国家和省级政策可能新增或延续措施，可咨询12366纳税缴费服务热线、12333人社服务热线或当地政务服务中心窗口。", ". National or provincial policy may add or extend measures: ask 12366 (tax), 12333 (social insurance) or your government service centre.";

    SumNow: "{d}可享受：{m}（{n}项）。", "On {d} you can get {m} ({n} {n:measure|measures}). ";
    SumVary: "金额视情况核定", "amounts vary";
    SumNowNone: "{d}没有正在实施、能为您带来金额的措施。", "On {d}, no measure in force is worth money to you. ";
    SumOwn: "在各措施自己的实施期内，您本可享受：{m}（{n}项）。", "In the measures' own years you could have claimed {m} ({n} {n:measure|measures}).";

    ResEligible: "符合条件且正在实施", "You qualify, in force";
    ResEligibleNone: "按目前的回答，在这个日期没有正在实施且确定符合的政策。", "With these answers, no measure you surely qualify for is in force on this date.";
    ResMaybe: "可能符合：还需要回答", "You may qualify: a question remains";
    ResExpired: "在这个日期未实施的措施", "Measures not in force on this date";
    ResNear: "差一点符合", "Near misses";
    ResEndedNote: "有{n}项您符合条件的措施已经结束。", "{n} {n:measure|measures} you qualified for {n:has|have} ended.";
    ResLookBack: "查看{d}的情况", "Look at {d}";
    ResTotal: "可计算金额合计", "Total of computable amounts";
    ResTotalNote: "只计符合条件、正在实施的政策；同类政策从高不重复，只计一次。", "Counts only measures you qualify for that are in force; overlapping measures are counted once, the better one.";
    ResSort: "排序", "Sort";
    ResSortDefault: "金额优先", "Money first";
    ResSortDate: "按截止日期", "By end date";
    ResFilter: "类别", "Category";
    ResAll: "全部", "All";
    ResShowAll: "显示全部 {n} 项", "Show all {n}";
    ResAnswers: "您的回答", "Your answers";
    ResEdit: "修改", "Change";
    ResUnanswered: "不确定", "Not sure";
    ResPrint: "打印", "Print";
    ResCopy: "复制结果链接", "Copy result link";
    ResTextsLoading: "正在载入各项措施的详情……", "Loading the details of each measure…";
    ResTextsFailed: "各项措施的详情没能载入。请检查网络连接后重试。", "The details of the measures could not be loaded. Check the connection and try again.";
    ResRetry: "重试", "Try again";
    ResCopied: "链接已复制。在其他设备打开可看到同样的结果。", "Link copied. Open it on another device to see the same results.";
    ResCopyFailed: "无法自动复制，请复制地址栏中的链接。", "Could not copy; copy the link in the address bar.";
    ResContinue: "继续回答问题", "Answer more questions";

    ReliefRange: "至", "to";
    ReliefUpTo: "最高", "up to";
    ReliefBasis: "计算方法", "How it is computed";
    ReliefWhy: "为什么符合", "Why you qualify";
    ReliefWhyNot: "还差什么", "What is missing";
    ReliefNeeds: "还需要知道", "Still needed";
    ReliefAnswer: "回答", "Answer";
    ReliefValid: "实施期限", "In force";
    ReliefNoEnd: "未规定截止日期", "no end date set";
    ReliefFrom: "自", "from";
    ReliefUntil: "至", "until";
    ReliefInForce: "正在实施", "In force";
    ReliefExpired: "已到期", "Expired";
    ReliefNotYet: "尚未开始", "Not yet started";
    ReliefClause: "政策原文", "The clause";
    ReliefClauseLoading: "正在载入政策原文……", "Loading the clause…";
    ReliefClauseFailed: "政策原文没能载入。请检查网络连接后再打开。", "The clause could not be loaded. Check the connection and open it again.";
    ReliefArticle: "第{n}条", "article {n}";
    ReliefGo: "去哪里办", "Where to go";
    ReliefCall: "电话", "phone";
    ReliefDepts: "全部责任单位（{n}个）", "All responsible departments ({n})";
    ReliefClaim: "怎么享受", "How to claim";
    ReliefClaimFiling: "申报纳税时直接享受", "In your tax return";
    ReliefClaimApplication: "需要提出申请", "Needs an application";
    ReliefEndedOn: "已于{d}结束", "ended on {d}";
    ReliefStartsOn: "{d}起实施", "starts on {d}";
    ReliefWindow: "实施期间", "While in force";
    ReliefWindowYes: "您在{a}至{b}期间符合条件", "You qualified from {a} to {b}";
    ReliefWindowFrom: "您自{a}起符合条件", "You qualify from {a}";
    ReliefWindowNo: "您在实施期间不符合条件", "You did not qualify while it was in force";
    ReliefChannels: "办理渠道", "Channels";
    ReliefNote: "注意", "Note";
    ReliefOverlap: "与以下政策同类，从高不重复，按较优的一项计算：", "Overlaps with the following; the better one counts, not both:";
    ReliefService: "服务承诺", "Service commitment";
    ReliefConditions: "适用条件", "Conditions";
    ReliefDepartments: "办理部门", "Departments";
    ReliefNational: "国家政策", "National policy";
    ReliefHoldsFrom: "起符合", "from this date";

    NationalTax: "本项重申国家税收政策。文件规定的期限届满后，国家政策可能已经延续或调整，请拨打12366纳税缴费服务热线或向主管税务机关咨询现行规定。", "This restates a national tax policy. After the period the document gives, the national policy may have been extended or changed: call the 12366 tax service hotline or ask your tax office what applies now.";
    NationalOther: "本项重申国家政策。文件规定的期限届满后，国家政策可能已经延续或调整，请向办理部门或12345政务服务便民热线咨询现行规定。", "This restates a national policy. After the period the document gives, the national policy may have been extended or changed: ask the departments where you apply, or the 12345 government service hotline, what applies now.";

    PColon: "：", ": ";
    PList: "、", ", ";
    PSemi: "；", "; ";
    POpen: "（", " (";
    PClose: "）", ")";

    PerOnce: "一次性", "one-off";
    PerYear: "每年", "a year";
    PerMonth: "每月", "a month";
    PerPerson: "每人", "per person";
    PerPersonMonth: "每人每月", "per person per month";
    PerMu: "每亩", "per mu";

    CatTax: "税收", "Taxes";
    CatFees: "收费", "Fees";
    CatFinance: "金融", "Finance";
    CatEmployment: "就业创业", "Jobs and training";
    CatBusiness: "企业服务", "Business services";
    CatInnovation: "科技创新", "Innovation";
    CatHousing: "住房", "Housing";
    CatConsumption: "消费", "Consumers";
    CatAgriculture: "农业", "Agriculture";
    CatTrade: "外贸", "Trade";
    CatServices: "政务服务", "Public services";
    CatSocial: "社会保障", "Social security";
}

/// The string for `m` in `lang`.
pub fn t(lang: Lang, m: Msg) -> &'static str {
    match lang {
        Lang::Zh => ZH[m as usize],
        Lang::En => en(m),
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn en(m: Msg) -> &'static str {
    EN[m as usize]
}

/// The English of the interface, once `texts-en.bin` has brought it.
#[cfg(target_arch = "wasm32")]
static EN: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();

#[cfg(target_arch = "wasm32")]
fn en(m: Msg) -> &'static str {
    EN.get()
        .map_or(ZH[m as usize], |en| en[m as usize].as_str())
}

/// The English of the interface in catalog order, as `texts-en.bin` carries it.
#[cfg(not(target_arch = "wasm32"))]
pub fn english() -> Vec<String> {
    EN.iter().map(|s| s.to_string()).collect()
}

/// Take in the English of the interface from `texts-en.bin`; false if it is not one string
/// per key. In the wasm it is kept for the page's life (a second call changes nothing: the
/// rule set's version, checked before, is the same); the host has its own.
pub fn install_english(ui: Vec<String>) -> bool {
    if ui.len() != Msg::ALL.len() {
        return false;
    }
    #[cfg(target_arch = "wasm32")]
    let _ = EN.set(ui);
    true
}

/// The string for `m` with `{n}` replaced (see [`fill`]).
pub fn tn(lang: Lang, m: Msg, n: impl std::fmt::Display) -> String {
    fill(t(lang, m), "n", n)
}

/// `text` with `{key}` replaced by `n`, and `{key:one|many}` by the words for that count:
/// `one` for 1, else `many` ("1 measure", "2 measures"), where `#` is `n` again ("{n:this
/// document|these # documents}"). Other blanks stay as they are.
pub fn fill(text: &str, key: &str, n: impl std::fmt::Display) -> String {
    fill_str(text, key, &n.to_string())
}

/// [`fill`], once for every type of count (it is not inlined into each caller).
#[inline(never)]
fn fill_str(text: &str, key: &str, n: &str) -> String {
    let mut out = String::with_capacity(text.len() + n.len());
    let mut rest = text;
    while let Some(at) = rest.find('{') {
        out.push_str(&rest[..at]);
        let blank = &rest[at + 1..];
        let Some(len) = blank.find('}') else {
            rest = &rest[at..];
            break;
        };
        let (name, forms) = blank[..len].split_once(':').unwrap_or((&blank[..len], ""));
        if name != key {
            out.push_str(&rest[at..=at + len + 1]);
        } else if forms.is_empty() {
            out.push_str(n);
        } else {
            let (one, many) = forms.split_once('|').unwrap_or((forms, forms));
            out.push_str(&if n == "1" { one } else { many }.replace('#', n));
        }
        rest = &blank[len + 1..];
    }
    out.push_str(rest);
    out
}

/// The words of a unit: "每年", "a year".
pub fn per(p: Per) -> Msg {
    match p {
        Per::Once => Msg::PerOnce,
        Per::Year => Msg::PerYear,
        Per::Month => Msg::PerMonth,
        Per::Person => Msg::PerPerson,
        Per::PersonMonth => Msg::PerPersonMonth,
        Per::Mu => Msg::PerMu,
    }
}

/// The name of each category of [`CATEGORIES`], in its order (the length is checked by the
/// compiler).
pub const CATEGORY_NAMES: [Msg; CATEGORIES.len()] = [
    Msg::CatTax,
    Msg::CatFees,
    Msg::CatFinance,
    Msg::CatEmployment,
    Msg::CatBusiness,
    Msg::CatInnovation,
    Msg::CatHousing,
    Msg::CatConsumption,
    Msg::CatAgriculture,
    Msg::CatTrade,
    Msg::CatServices,
    Msg::CatSocial,
];

/// The name of a relief's category (the compiler accepts only those of [`CATEGORIES`]).
pub fn category(id: &str) -> Option<Msg> {
    CATEGORIES
        .iter()
        .position(|c| *c == id)
        .map(|i| CATEGORY_NAMES[i])
}

/// The note for a measure that restates national policy (`Relief::national`), shown once its
/// period has passed: the national policy may have continued, and whom to ask. It gives no
/// figure, because the texts give none beyond their own period.
pub fn national_note(lang: Lang, category: &str) -> &'static str {
    t(
        lang,
        match category {
            "tax" => Msg::NationalTax,
            _ => Msg::NationalOther,
        },
    )
}
