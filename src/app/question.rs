//! One question on screen: markup over `present::question` (which facts and choices it
//! offers, what it settles, the drafts read back as answers): its wording, help, choices or
//! input, "not sure" and back.

use leptos::prelude::*;
use relief_finder::engine::Facts;
use relief_finder::model::{FactIx, FactType};
use relief_finder::present::question::{self, Draft, QuestionView};
use relief_finder::present::{t, Msg};

use super::Ctx;

/// The draft answer of one fact while the person is choosing or typing (see
/// `present::question::Draft`), a signal per part.
#[derive(Clone, Copy)]
struct Field {
    fact: FactIx,
    /// Chosen enum value, or bool as 0 = yes, 1 = no.
    choice: RwSignal<Option<usize>>,
    /// Chosen set values.
    bits: RwSignal<u64>,
    /// Typed text (money, number, date).
    text: RwSignal<String>,
    error: RwSignal<Option<Msg>>,
}

impl Field {
    fn new(ctx: &Ctx, fact: FactIx) -> Field {
        let d = ctx
            .session
            .with_untracked(|s| Draft::of(ctx.rs_now().fact(fact), s.facts.get(fact)));
        Field {
            fact,
            choice: RwSignal::new(d.choice),
            bits: RwSignal::new(d.bits),
            text: RwSignal::new(d.text),
            error: RwSignal::new(None),
        }
    }

    /// The draft now (tracked): the screen's drafts decide which details and choices show.
    fn draft(&self) -> (FactIx, Draft) {
        let d = Draft {
            choice: self.choice.get(),
            bits: self.bits.get(),
            text: self.text.get(),
        };
        (self.fact, d)
    }

    fn draft_untracked(&self) -> (FactIx, Draft) {
        untrack(|| self.draft())
    }
}

/// "这是什么意思？" and the question's help. The help itself comes with the texts (a link
/// that opens on a question is drawn before them); its place is there from the first paint.
fn help(ctx: Ctx, q: usize) -> impl IntoView {
    let lang = move || ctx.lang();
    view! {
        <details class="help">
            <summary>{move || t(lang(), Msg::QHelp)}</summary>
            <p>{move || match ctx.rs().questions[q].help.get(lang()) {
                "" => t(lang(), Msg::QHelpLoading),
                help => help,
            }.to_string()}</p>
        </details>
    }
}

#[component]
pub fn QuestionScreen(q: usize) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    // The core rule set has all the engine needs; wording is read through `ctx.rs()` so that
    // the English replaces its Chinese stand-in when texts-en.bin arrives.
    let rs = ctx.rs_now();
    let lang = move || ctx.lang();
    // What the planner puts on this screen, and what its answer can settle.
    let view_model = ctx.eval.with_untracked(|ev| {
        ctx.session
            .with_untracked(|s| QuestionView::new(rs, s, ev, q))
    });
    let fields: Vec<Field> = view_model
        .offered
        .iter()
        .map(|f| Field::new(&ctx, *f))
        .collect();
    // The answers so far with those drafted on this screen: a detail shows once its gate is
    // ticked, and a county list follows the city chosen beside it.
    let draft = {
        let fields = fields.clone();
        let multi = view_model.multi;
        Memo::new(move |_| {
            let drafts: Vec<_> = fields.iter().map(Field::draft).collect();
            ctx.session
                .with(|s| question::drafted(rs, &s.facts, &drafts, multi))
        })
    };
    let single_choice = view_model.single_choice;
    let view_model = StoredValue::new(view_model);

    let submit = {
        let fields = fields.clone();
        move || {
            let drafts: Vec<_> = fields.iter().map(Field::draft_untracked).collect();
            let read = view_model.with_value(|v| {
                ctx.session
                    .with_untracked(|s| question::answers(rs, v, &s.facts, &drafts))
            });
            for f in &fields {
                f.error.set(None);
            }
            match read {
                Ok(values) => ctx.session.update(|s| s.answer(rs, q, &values)),
                Err(errors) => {
                    for (i, e) in errors {
                        fields[i].error.set(Some(e));
                    }
                    super::browser::focus("field-error");
                }
            }
        }
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
            let visible = Memo::new(move |_| {
                view_model.with_value(|v| draft.with(|d| v.shows(rs, d, f.fact)))
            });
            let id = rs.fact(f.fact).id.clone();
            let multi = view_model.with_value(|v| v.multi);
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
        <section class="question" data-question=rs.questions[q].id.clone()>
            <form on:submit=on_submit novalidate>
                <fieldset>
                    <legend>
                        <h1 id="screen-title" tabindex="-1">{move || ctx.rs().questions[q].text.get(lang()).to_string()}</h1>
                    </legend>
                    {rs.questions[q].has_help.then(|| help(ctx, q))}
                    {field_views}
                </fieldset>
                {move || view_model.with_value(|v| v.stakes_text(lang())).map(|s| view! { <p class="settles">{s}</p> })}
                <div class="actions">
                    {(!single_choice).then(|| view! {
                        <button type="submit" class="primary">{move || t(lang(), Msg::QNext)}</button>
                    })}
                    <button type="button" class="secondary" on:click=move |_| ctx.session.update(|s| s.skip(rs, q))>
                        {move || t(lang(), Msg::QNotSure)}
                    </button>
                </div>
                <div class="nav">
                    <button type="button" class="link" on:click=move |_| ctx.back()>
                        {move || t(lang(), Msg::NavBack)}
                    </button>
                    <button type="button" class="link" on:click=move |_| ctx.session.update(|s| s.show_results())>
                        {move || t(lang(), Msg::NavResults)}
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
            let legend = tick.then(|| view! { <p class="field-label">{label}</p> });
            let buttons = choices(ctx, field, single, draft, submit);
            view! { {legend}<div class="choices" role="group">{buttons}</div>{error(ctx, field)} }
                .into_any()
        }
        FactType::Set => {
            let head = if tick {
                view! { <p class="field-label">{label}</p> }.into_any()
            } else {
                view! { <p class="hint">{move || t(ctx.lang(), Msg::QChooseAny)}</p> }.into_any()
            };
            view! {
                {head}
                <div class="choices" role="group">{set_choices(ctx, field)}</div>
                {error(ctx, field)}
            }
            .into_any()
        }
        FactType::Money | FactType::Number | FactType::Date => text_field(ctx, field, label),
    }
}

/// What is wrong with a field's answer, where focus goes on "Continue".
fn error(ctx: Ctx, field: Field) -> impl IntoView {
    move || {
        field.error.get().map(|m| view! { <p id="field-error" class="error" role="alert" tabindex="-1">{t(ctx.lang(), m)}</p> })
    }
}

/// The choices of an enum or a yes/no alone (`present::question::options`): the counties
/// follow the city drafted beside them. A single choice answers at once.
fn choices<F>(ctx: Ctx, field: Field, single: bool, draft: Memo<Facts>, submit: F) -> impl IntoView
where
    F: Fn() + Clone + Send + Sync + 'static,
{
    let fact = field.fact;
    let options = Memo::new(move |_| -> Vec<(usize, String)> {
        let as_of = ctx.session.with_untracked(|s| s.as_of);
        draft.with(|d| {
            question::options(ctx.rs_now().fact(fact), d, as_of)
                .into_iter()
                .map(|(i, id)| (i, id.to_string()))
                .collect()
        })
    });
    move || {
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
                        {move || question::option_label(ctx.rs().fact(fact), i, ctx.lang())}
                    </button>
                }
            })
            .collect_view()
    }
}

/// The values of a set, each a button that toggles.
fn set_choices(ctx: Ctx, field: Field) -> impl IntoView {
    let fact = field.fact;
    ctx.rs_now()
        .fact(fact)
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
                    {move || question::option_label(ctx.rs().fact(fact), i, ctx.lang())}
                </button>
            }
        })
        .collect_view()
}

/// An amount, a number or a date, typed. A date is a text field rather than the native
/// calendar: it takes a year and month alone (most people know the month they graduated,
/// not the day), and the kiosk keypad.
fn text_field(
    ctx: Ctx,
    field: Field,
    label: impl Fn() -> String + Clone + Send + Sync + 'static,
) -> AnyView {
    let fact = field.fact;
    let def = ctx.rs_now().fact(fact);
    let date = def.ty == FactType::Date;
    let lang = move || ctx.lang();
    let id = format!("field-{}", def.id);
    let input = |id: String, mode: &'static str, hint: &'static str| {
        view! {
            <input id=id type="text" inputmode=mode autocomplete="off"
                placeholder=date.then_some("2022-07")
                aria-describedby=hint
                aria-invalid=move || field.error.get().is_some().to_string()
                prop:value=move || field.text.get()
                on:input=move |ev| field.text.set(event_target_value(&ev))/>
        }
    };
    let keypad = move || {
        ctx.display
            .with(|d| d.kiosk)
            .then(|| view! { <Keypad field=field date=date/> })
    };
    if date {
        view! {
            <label class="field" for=id.clone()>
                <span>{label}</span>
                {input(id.clone(), "numeric", "date-hint")}
            </label>
            <p id="date-hint" class="hint">{move || t(lang(), Msg::QDateHint)}</p>
            {keypad}
            {error(ctx, field)}
        }
        .into_any()
    } else {
        view! {
            <label class="field" for=id.clone()>
                <span>{label}</span>
                <span class="with-unit">
                    {input(id.clone(), "decimal", "amount-hint")}
                    <span class="unit">{move || question::unit(ctx.rs().fact(fact), lang())}</span>
                </span>
            </label>
            <p id="amount-hint" class="hint">{move || t(lang(), Msg::QAmountHint)}</p>
            {keypad}
            {error(ctx, field)}
        }
        .into_any()
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
        <div class="keypad" role="group" aria-label=move || t(lang(), Msg::KioskKeypad)>
            {keys.into_iter().map(|k| view! {
                <button type="button" class="key" on:click=move |_| press(k)>{k}</button>
            }).collect_view()}
            <button type="button" class="key wide" on:click=move |_| field.text.update(|t| { t.pop(); })>
                {move || t(lang(), Msg::KioskDelete)}
            </button>
            <button type="button" class="key wide" on:click=move |_| field.text.set(String::new())>
                {move || t(lang(), Msg::KioskClear)}
            </button>
        </div>
    }
}
