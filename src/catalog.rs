//! Every string of the user interface, in Chinese and English: one catalog, so that a test
//! can check no string is missing in either language. Rule texts (questions, reliefs) live
//! in `rules/` instead.

use crate::model::Lang;

/// `(key, zh, en)` for every UI string.
pub const MESSAGES: &[(&str, &str, &str)] = &[
    ("app.name", "惠策通", "Relief Finder"),
    ("app.tagline", "甘肃惠企惠民政策计算器", "Find the Gansu reliefs you qualify for"),
    ("app.privacy", "您的回答只保存在本设备上，不会上传。", "Your answers stay on this device; nothing is uploaded."),
    ("app.ruleset", "规则版本", "Rule set"),
    ("app.update", "有新版本可用。", "A new version is available."),
    ("app.update_now", "更新", "Update"),
    ("kiosk.still_there", "您还在使用吗？", "Are you still there?"),
    ("kiosk.wipe_in", "为保护隐私，{n} 秒后将清除本次回答，回到首页。", "To protect your privacy, your answers will be wiped in {n} seconds."),
    ("kiosk.continue", "继续使用", "Keep going"),
    ("kiosk.finish", "我已完成，清除", "I am done, wipe now"),
    ("kiosk.keypad", "数字键盘", "Number keypad"),
    ("kiosk.clear", "清除", "Clear"),
    ("kiosk.delete", "删除", "Delete"),
    ("res.qr", "用手机扫码，带走这份结果（离线也能打开）", "Scan with your phone to take these results with you (works offline)"),
    ("res.qr_alt", "本页结果链接的二维码", "QR code of the link to these results"),
    ("res.printed", "打印说明", "About this printout"),
    ("start.lead", "回答几个简单问题，查看您可以享受的减税降费、补贴和便利服务，以及去哪里办理。", "Answer a few short questions to see the tax cuts, fee waivers, subsidies and services you can get, and where to apply."),
    ("start.begin", "开始", "Start"),
    ("start.counts", "收录 {d} 份文件中的 {n} 项政策和服务", "{n} reliefs and services from {d} documents"),
    ("nav.back", "上一步", "Back"),
    ("nav.results", "查看结果", "Show results"),
    ("nav.restart", "重新开始", "Start again"),
    ("nav.language", "English", "中文"),
    ("nav.language_label", "切换语言", "Switch language"),
    ("nav.big", "大字", "Large text"),
    ("progress.answered", "已回答 {n} 题", "{n} answered"),
    ("progress.found", "已找到 {n} 项", "{n} found"),
    ("q.not_sure", "不确定", "Not sure"),
    ("q.next", "确定", "Continue"),
    ("q.help", "这是什么意思？", "What does this mean?"),
    ("q.choose_any", "可多选；都不符合请直接点“确定”。", "Choose all that apply; if none do, just continue."),
    ("q.yes", "是", "Yes"),
    ("q.no", "否", "No"),
    ("q.amount_hint", "例如 80000、8万 或 80,000", "e.g. 80000, 8万 or 80,000"),
    ("q.date_hint", "格式：年-月-日", "Format: year-month-day"),
    ("q.settles", "这个问题关系到 {n} 项待定政策", "This answer settles {n} open reliefs"),
    ("err.number", "请输入金额或数字，例如 80000、8万 或 80,000。", "Enter an amount or number, e.g. 80000, 8万 or 80,000."),
    ("err.negative", "不能是负数。", "It cannot be negative."),
    ("err.date", "请输入有效日期，例如 2023-06-01。", "Enter a valid date, e.g. 2023-06-01."),
    ("err.choose", "请选择一项，或点“不确定”。", "Choose one, or “Not sure”."),
    ("err.link_damaged", "这个链接已损坏，无法读取之前的回答。已为您重新开始。", "This link is damaged, so its answers could not be read. You are starting again."),
    ("err.link_old", "这个链接是用旧版规则生成的，结果可能与当时不同。", "This link was made with an older rule set; results may differ from then."),
    ("err.link_dropped", "旧链接中有些回答已不再使用：", "Some answers in the old link are no longer used:"),
    ("err.dismiss", "知道了", "OK"),
    ("res.title", "您的结果", "Your results"),
    ("res.as_of", "查询日期", "Date asked about"),
    ("res.as_of_help", "政策是否有效按这个日期判断。可以改为过去的日期，例如查看2023年度。", "Whether a measure is in force is judged on this date. You can pick a past date, e.g. to look at 2023."),
    ("res.today", "今天", "Today"),
    ("res.eligible", "符合条件且正在实施", "You qualify, in force"),
    ("res.eligible_none", "按目前的回答，在这个日期没有正在实施且确定符合的政策。", "With these answers, no measure you surely qualify for is in force on this date."),
    ("res.maybe", "可能符合：还需要回答", "You may qualify: a question remains"),
    ("res.expired", "符合条件，但在这个日期未实施", "You qualify, but not in force on this date"),
    ("res.near", "差一点符合", "Near misses"),
    ("res.expired_note", "2023年出台的多数措施已于2023年12月31日到期。想看当时能享受什么，可以把查询日期改到2023年。", "Most 2023 measures ended on 2023-12-31. To see what you could claim then, set the date to 2023."),
    ("res.look_2023", "查看2023年6月30日的情况", "Look at 30 June 2023"),
    ("res.total", "可计算金额合计", "Total of computable amounts"),
    ("res.total_note", "只计符合条件、正在实施的政策；同类政策从高不重复，只计一次。", "Counts only measures you qualify for that are in force; overlapping measures are counted once, the better one."),
    ("res.sort", "排序", "Sort"),
    ("res.sort_value", "按金额", "By amount"),
    ("res.sort_date", "按截止日期", "By end date"),
    ("res.filter", "类别", "Category"),
    ("res.all", "全部", "All"),
    ("res.show_all", "显示全部 {n} 项", "Show all {n}"),
    ("res.answers", "您的回答", "Your answers"),
    ("res.edit", "修改", "Change"),
    ("res.unanswered", "不确定", "Not sure"),
    ("res.print", "打印", "Print"),
    ("res.copy", "复制结果链接", "Copy result link"),
    ("res.texts_loading", "正在载入各项措施的详情……", "Loading the details of each measure…"),
    ("res.texts_failed", "各项措施的详情没能载入。请检查网络连接后重试。", "The details of the measures could not be loaded. Check the connection and try again."),
    ("res.retry", "重试", "Try again"),
    ("res.copied", "链接已复制。在其他设备打开可看到同样的结果。", "Link copied. Open it on another device to see the same results."),
    ("res.copy_failed", "无法自动复制，请复制地址栏中的链接。", "Could not copy; copy the link in the address bar."),
    ("res.continue", "继续回答问题", "Answer more questions"),
    ("relief.worth", "价值", "Worth"),
    ("relief.range", "至", "to"),
    ("relief.up_to", "最高", "up to"),
    ("relief.basis", "计算方法", "How it is computed"),
    ("relief.why", "为什么符合", "Why you qualify"),
    ("relief.why_not", "还差什么", "What is missing"),
    ("relief.needs", "还需要知道", "Still needed"),
    ("relief.answer", "回答", "Answer"),
    ("relief.valid", "实施期限", "In force"),
    ("relief.no_end", "未规定截止日期", "no end date set"),
    ("relief.from", "自", "from"),
    ("relief.until", "至", "until"),
    ("relief.in_force", "正在实施", "In force"),
    ("relief.expired", "已到期", "Expired"),
    ("relief.not_yet", "尚未开始", "Not yet started"),
    ("relief.clause", "政策原文", "The clause"),
    ("relief.article", "第{n}条", "article {n}"),
    ("relief.apply", "办理部门", "Where to apply"),
    ("relief.channels", "办理渠道", "Channels"),
    ("relief.note", "注意", "Note"),
    ("relief.overlap", "与以下政策同类，从高不重复，按较优的一项计算：", "Overlaps with the following; the better one counts, not both:"),
    ("relief.service", "服务承诺", "Service commitment"),
    ("relief.holds_from", "起符合", "from this date"),
    ("national.tax", "本项重申国家税收政策。文件规定的期限届满后，国家政策可能已经延续或调整，请拨打12366纳税缴费服务热线或向主管税务机关咨询现行规定。", "This restates a national tax policy. After the period the document gives, the national policy may have been extended or changed: call the 12366 tax service hotline or ask your tax office what applies now."),
    ("national.other", "本项重申国家政策。文件规定的期限届满后，国家政策可能已经延续或调整，请向办理部门或12345政务服务便民热线咨询现行规定。", "This restates a national policy. After the period the document gives, the national policy may have been extended or changed: ask the departments where you apply, or the 12345 government service hotline, what applies now."),
    ("per.once", "一次性", "one-off"),
    ("per.year", "每年", "a year"),
    ("per.month", "每月", "a month"),
    ("per.person", "每人", "per person"),
    ("per.person-month", "每人每月", "per person per month"),
    ("per.mu", "每亩", "per mu"),
    ("cat.tax", "税收", "Taxes"),
    ("cat.fees", "收费", "Fees"),
    ("cat.finance", "金融", "Finance"),
    ("cat.employment", "就业创业", "Jobs and training"),
    ("cat.business", "企业服务", "Business services"),
    ("cat.innovation", "科技创新", "Innovation"),
    ("cat.housing", "住房", "Housing"),
    ("cat.consumption", "消费", "Consumers"),
    ("cat.agriculture", "农业", "Agriculture"),
    ("cat.trade", "外贸", "Trade"),
    ("cat.services", "政务服务", "Public services"),
    ("cat.social", "社会保障", "Social security"),
];

/// The note for a measure that restates national policy (`Relief::national`), shown once its
/// period has passed: the national policy may have continued, and whom to ask. It gives no
/// figure, because the texts give none beyond their own period.
pub fn national_note(lang: Lang, category: &str) -> &'static str {
    let key = match category {
        "tax" => "national.tax",
        _ => "national.other",
    };
    t(lang, key)
}

/// The string for `key` with `{n}` replaced.
pub fn tn(lang: Lang, key: &str, n: impl std::fmt::Display) -> String {
    t(lang, key).replace("{n}", &n.to_string())
}

/// The string for `key` in `lang`; the key itself when missing (a test prevents that).
pub fn t(lang: Lang, key: &str) -> &'static str {
    match MESSAGES.iter().find(|(k, _, _)| *k == key) {
        Some((_, zh, en)) => match lang {
            Lang::Zh => zh,
            Lang::En => en,
        },
        None => "?",
    }
}
