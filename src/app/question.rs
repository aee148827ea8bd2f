//! One question on screen: its wording, help, choices or input, "not sure" and back.

use leptos::prelude::*;
use relief_finder::catalog::{t, tn};
use relief_finder::engine::eval::{eval_cond, Tri};
use relief_finder::engine::planner::{offer, shown};
use relief_finder::engine::{Facts, Value, ValueError};
use relief_finder::model::{FactDef, FactIx, FactType, Lang};

use super::Ctx;

/// The draft answer of one fact while the person is choosing or typing.
#[derive(Clone, Copy)]
struct Field {
    fact: FactIx,
    /// Chosen enum value, or bool as 0 = yes, 1 = no.
    choice: RwSignal<Option<usize>>,
    /// Chosen set values.
    bits: RwSignal<u64>,
    /// Typed text (money, number, date).
    text: RwSignal<String>,
    error: RwSignal<Option<&'static str>>,
}

impl Field {
    fn new(ctx: &Ctx, fact: FactIx) -> Field {
        let current = ctx.session.with_untracked(|s| s.facts.get(fact).cloned());
        let def = ctx.rs_now().fact(fact);
        let (choice, bits, text) = match current {
            Some(Value::Enum(i)) => (Some(i as usize), 0, String::new()),
            Some(Value::Bool(b)) => (Some(usize::from(!b)), 0, String::new()),
            Some(Value::Set(b)) => (None, b, String::new()),
            Some(v) => (None, 0, v.write(def)),
            None => (None, 0, String::new()),
        };
        Field {
            fact,
            choice: RwSignal::new(choice),
            bits: RwSignal::new(bits),
            text: RwSignal::new(text),
            error: RwSignal::new(None),
        }
    }

    /// What the field holds now, if anything (tracked): the screen's draft answers decide
    /// which details and choices it shows.
    fn draft(&self, def: &FactDef, tick: bool) -> Option<Value> {
        match def.ty {
            FactType::Enum => self.choice.get().map(|i| Value::Enum(i as u8)),
            FactType::Bool if tick => Some(Value::Bool(self.choice.get() == Some(0))),
            FactType::Bool => self.choice.get().map(|i| Value::Bool(i == 0)),
            FactType::Set => Some(Value::Set(self.bits.get())),
            _ => Value::parse(def, &self.text.get()).ok(),
        }
    }

    /// The answer to record on a screen of several facts: a tick box is yes or no, a choice
    /// or a number left empty is "not sure".
    fn answer(&self, def: &FactDef) -> Result<Option<Value>, &'static str> {
        match def.ty {
            FactType::Bool => Ok(Some(Value::Bool(self.choice.get_untracked() == Some(0)))),
            FactType::Enum => Ok(self.choice.get_untracked().map(|i| Value::Enum(i as u8))),
            FactType::Money | FactType::Number | FactType::Date
                if self.text.get_untracked().trim().is_empty() =>
            {
                Ok(None)
            }
            _ => self.value(def).map(Some),
        }
    }

    /// The value to record, or the message saying what is wrong.
    fn value(&self, def: &FactDef) -> Result<Value, &'static str> {
        match def.ty {
            FactType::Enum => self
                .choice
                .get_untracked()
                .map(|i| Value::Enum(i as u8))
                .ok_or("err.choose"),
            FactType::Bool => self
                .choice
                .get_untracked()
                .map(|i| Value::Bool(i == 0))
                .ok_or("err.choose"),
            FactType::Set => Ok(Value::Set(self.bits.get_untracked())),
            FactType::Money | FactType::Number | FactType::Date => {
                Value::parse(def, &self.text.get_untracked()).map_err(|e| match e {
                    ValueError::Negative => "err.negative",
                    ValueError::NotADate => "err.date",
                    _ => "err.number",
                })
            }
        }
    }
}

#[component]
pub fn QuestionScreen(q: usize) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    // The core rule set has all the engine needs; wording is read through `ctx.rs()` so that
    // the English replaces its Chinese stand-in when texts.bin arrives.
    let rs = ctx.rs_now();
    let question = &rs.questions[q];
    let lang = move || ctx.lang();
    let as_of = ctx.session.with_untracked(|s| s.as_of);
    // What the planner puts on this screen, and what its answer can settle.
    let (offered, stakes) = ctx.eval.with_untracked(|ev| {
        ctx.session.with_untracked(|s| {
            let stakes = s
                .plan(rs, ev)
                .filter(|p| p.question == q)
                .map(|p| p.stakes)
                .unwrap_or_default();
            (offer(rs, &s.facts, ev, q), stakes)
        })
    });
    let multi = question.facts.len() > 1;
    let fields: Vec<Field> = offered.iter().map(|f| Field::new(&ctx, *f)).collect();
    // The answers so far with those drafted on this screen: a detail shows once its gate is
    // ticked, and a county list follows the city chosen beside it.
    let draft = {
        let fields = fields.clone();
        Memo::new(move |_| {
            let mut facts: Facts = ctx.session.with(|s| s.facts.clone());
            for f in &fields {
                match f.draft(rs.fact(f.fact), multi) {
                    Some(v) => facts.set(f.fact, v),
                    None => facts.clear(f.fact),
                }
            }
            facts
        })
    };
    // A single choice answers at once; anything typed or multiple waits for "Continue".
    let single_choice = !multi
        && matches!(
            rs.fact(question.facts[0]).ty,
            FactType::Enum | FactType::Bool
        );

    let submit = {
        let fields = fields.clone();
        move || {
            let mut values = Vec::new();
            let mut ok = true;
            for f in &fields {
                let def = rs.fact(f.fact);
                if multi && !shown(rs, &draft.get_untracked(), as_of, f.fact) {
                    continue;
                }
                let answer = if multi {
                    f.answer(def)
                } else {
                    f.value(def).map(Some)
                };
                match answer {
                    Ok(v) => {
                        f.error.set(None);
                        values.push((f.fact, v));
                    }
                    Err(e) => {
                        f.error.set(Some(e));
                        ok = false;
                    }
                }
            }
            if ok {
                ctx.session.update(|s| s.answer(rs, q, &values));
            } else {
                super::browser::focus("field-error");
            }
        }
    };
    let stakes_text = move || {
        let l = lang();
        let parts: Vec<String> = stakes
            .iter()
            .map(|(c, n)| {
                t(l, &format!("cat.{c}")).to_string().replace("{n}", "") + &tn(l, "q.items", n)
            })
            .collect();
        (!parts.is_empty()).then(|| tn(l, "q.stakes", parts.join(t(l, "q.list_sep"))))
    };
    let on_submit = {
        let submit = submit.clone();
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            submit();
        }
    };
    let field_views = fields
        .iter()
        .map(|f| {
            let f = *f;
            let submit = submit.clone();
            let visible = Memo::new(move |_| !multi || shown(rs, &draft.get(), as_of, f.fact));
            let id = rs.fact(f.fact).id.clone();
            move || {
                let submit = submit.clone();
                let id = id.clone();
                visible.get().then(|| view! {
                    <div class="fact" data-fact=id>
                        <FieldView field=f single=single_choice tick=multi draft=draft submit=submit/>
                    </div>
                })
            }
        })
        .collect_view();

    view! {
        <section class="question" data-question=question.id.clone()>
            <form on:submit=on_submit novalidate>
                <fieldset>
                    <legend>
                        <h1 id="screen-title" tabindex="-1">{move || ctx.rs().questions[q].text.get(lang()).to_string()}</h1>
                    </legend>
                    {move || {
                        let help = ctx.rs().questions[q].help.get(lang()).to_string();
                        (!help.is_empty()).then(|| view! {
                            <details class="help">
                                <summary>{move || t(lang(), "q.help")}</summary>
                                <p>{help}</p>
                            </details>
                        })
                    }}
                    {field_views}
                </fieldset>
                {move || stakes_text().map(|s| view! { <p class="settles">{s}</p> })}
                <div class="actions">
                    {(!single_choice).then(|| view! {
                        <button type="submit" class="primary">{move || t(lang(), "q.next")}</button>
                    })}
                    <button type="button" class="secondary" on:click=move |_| ctx.session.update(|s| s.skip(rs, q))>
                        {move || t(lang(), "q.not_sure")}
                    </button>
                </div>
                <div class="nav">
                    <button type="button" class="link" on:click=move |_| ctx.back()>
                        {move || t(lang(), "nav.back")}
                    </button>
                    <button type="button" class="link" on:click=move |_| ctx.session.update(|s| s.show_results())>
                        {move || t(lang(), "nav.results")}
                    </button>
                </div>
            </form>
        </section>
    }
}

#[component]
fn FieldView<F>(
    field: Field,
    single: bool,
    tick: bool,
    draft: Memo<Facts>,
    submit: F,
) -> impl IntoView
where
    F: Fn() + Clone + Send + Sync + 'static,
{
    let ctx = expect_context::<Ctx>();
    let def = ctx.rs_now().fact(field.fact);
    let fact = field.fact;
    // Wording from the tracked rule set (see QuestionScreen).
    let label = move || ctx.rs().fact(fact).label.get(ctx.lang()).to_string();
    let value_label = move |i: usize| {
        ctx.rs().fact(fact).values[i]
            .label
            .get(ctx.lang())
            .to_string()
    };
    let lang = move || ctx.lang();
    let error = move || {
        field.error.get().map(|k| view! { <p id="field-error" class="error" role="alert" tabindex="-1">{t(lang(), k)}</p> })
    };
    let input_id = format!("field-{}", def.id);
    match def.ty {
        FactType::Bool if tick => {
            // On a screen of several facts a yes/no is a tick box: unticked means no.
            let value = def.id.clone();
            view! {
                <button type="button" class="choice tick" data-value=value
                    aria-pressed=move || (field.choice.get() == Some(0)).to_string()
                    on:click=move |_| field.choice.update(|c| *c = if *c == Some(0) { Some(1) } else { Some(0) })>
                    {label}
                </button>
            }
            .into_any()
        }
        FactType::Enum | FactType::Bool => {
            // Options whose `only_if` is false for the answers so far (with those drafted on
            // this screen) are not offered.
            let is_bool = def.ty == FactType::Bool;
            let options = Memo::new(move |_| -> Vec<(usize, String)> {
                if is_bool {
                    return vec![(0, "true".into()), (1, "false".into())];
                }
                let (facts, as_of) = (draft.get(), ctx.session.with_untracked(|s| s.as_of));
                def.values
                    .iter()
                    .enumerate()
                    .filter(|(_, v)| {
                        v.only_if
                            .as_ref()
                            .is_none_or(|c| eval_cond(c, &facts, as_of).tri != Tri::False)
                    })
                    .map(|(i, v)| (i, v.id.clone()))
                    .collect()
            });
            let buttons = move || {
                options
                    .get()
                    .into_iter()
                    .map(|(i, value)| {
                        let submit = submit.clone();
                        let pick = move |_| {
                            field.choice.set(Some(i));
                            if single {
                                submit();
                            }
                        };
                        view! {
                            <button type="button" class="choice" data-value=value
                                aria-pressed=move || (field.choice.get() == Some(i)).to_string()
                                on:click=pick>
                                {move || if is_bool {
                                    t(lang(), if i == 0 { "q.yes" } else { "q.no" }).to_string()
                                } else {
                                    value_label(i)
                                }}
                            </button>
                        }
                    })
                    .collect_view()
            };
            let legend = tick.then(|| view! { <p class="field-label">{label}</p> });
            view! { {legend}<div class="choices" role="group">{buttons}</div>{error} }.into_any()
        }
        FactType::Set => {
            let buttons = def
                .values
                .iter()
                .enumerate()
                .map(|(i, v)| {
                    let bit = 1u64 << i;
                    let value = v.id.clone();
                    view! {
                        <button type="button" class="choice multi" data-value=value
                            aria-pressed=move || (field.bits.get() & bit != 0).to_string()
                            on:click=move |_| field.bits.update(|b| *b ^= bit)>
                            {move || value_label(i)}
                        </button>
                    }
                })
                .collect_view();
            let head = if tick {
                view! { <p class="field-label">{label}</p> }.into_any()
            } else {
                view! { <p class="hint">{move || t(lang(), "q.choose_any")}</p> }.into_any()
            };
            view! {
                {head}
                <div class="choices" role="group">{buttons}</div>
                {error}
            }
            .into_any()
        }
        FactType::Money | FactType::Number => {
            let unit = move || {
                ctx.rs()
                    .fact(fact)
                    .unit
                    .as_ref()
                    .map(|u| u.get(lang()).to_string())
            };
            let id = input_id.clone();
            let for_id = input_id.clone();
            view! {
                <label class="field" for=for_id>
                    <span>{label}</span>
                    <span class="with-unit">
                        <input id=id type="text" inputmode="decimal" autocomplete="off"
                            aria-describedby="amount-hint"
                            aria-invalid=move || field.error.get().is_some().to_string()
                            prop:value=move || field.text.get()
                            on:input=move |ev| field.text.set(event_target_value(&ev))/>
                        <span class="unit">{move || unit().unwrap_or_else(|| if lang() == Lang::Zh { "元".into() } else { "yuan".into() })}</span>
                    </span>
                </label>
                <p id="amount-hint" class="hint">{move || t(lang(), "q.amount_hint")}</p>
                {move || ctx.display.with(|d| d.kiosk).then(|| view! { <Keypad field=field date=false/> })}
                {error}
            }
            .into_any()
        }
        FactType::Date => {
            // A text field rather than the native calendar: it takes a year and month alone
            // (most people know the month they graduated, not the day), and the kiosk keypad.
            let id = input_id.clone();
            let for_id = input_id.clone();
            view! {
                <label class="field" for=for_id>
                    <span>{label}</span>
                    <input id=id type="text" inputmode="numeric" autocomplete="off"
                        placeholder="2022-07"
                        aria-describedby="date-hint"
                        aria-invalid=move || field.error.get().is_some().to_string()
                        prop:value=move || field.text.get()
                        on:input=move |ev| field.text.set(event_target_value(&ev))/>
                </label>
                <p id="date-hint" class="hint">{move || t(lang(), "q.date_hint")}</p>
                {move || ctx.display.with(|d| d.kiosk).then(|| view! { <Keypad field=field date=true/> })}
                {error}
            }
            .into_any()
        }
    }
}

/// An on-screen keypad for amounts and dates, for kiosks without a keyboard.
#[component]
fn Keypad(field: Field, #[prop(optional)] date: bool) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let lang = move || ctx.lang();
    let keys = if date {
        ["1", "2", "3", "4", "5", "6", "7", "8", "9", "-", "0", "/"]
    } else {
        ["1", "2", "3", "4", "5", "6", "7", "8", "9", ".", "0", "万"]
    };
    let press = move |k: &'static str| field.text.update(|t| t.push_str(k));
    view! {
        <div class="keypad" role="group" aria-label=move || t(lang(), "kiosk.keypad")>
            {keys.into_iter().map(|k| view! {
                <button type="button" class="key" on:click=move |_| press(k)>{k}</button>
            }).collect_view()}
            <button type="button" class="key wide" on:click=move |_| field.text.update(|t| { t.pop(); })>
                {move || t(lang(), "kiosk.delete")}
            </button>
            <button type="button" class="key wide" on:click=move |_| field.text.set(String::new())>
                {move || t(lang(), "kiosk.clear")}
            </button>
        </div>
    }
}
