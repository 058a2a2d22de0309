"""Generate the voice-of-the-customer test corpus for `prfaq insights` (tests/fixtures/insights/).

30 interview write-ups (.md) and a 60-row ticket export (tickets.csv) about a shift-scheduling app
for restaurants, with customer problems planted at known frequencies, each mention worded
differently, and neutral facts that recur ("we moved the office", "founded in 2009") that must not
come out as themes. `truth.json` records which sources each planted theme was put in.

Two variants, so that the test is not tuned on what it measures:
  dev      seed 1, the even-numbered wordings of each theme (the one looked at while tuning);
  heldout  seed 2, the odd-numbered wordings; looked at once, after tuning on dev (it moved the merge
           threshold from 0.20 to 0.25, the top of the range that works on dev), so no longer clean;
  fresh    seed 3, the odd-numbered wordings, never looked at while tuning.

    python evals/make_insights_corpus.py            # writes both variants
    python evals/make_insights_corpus.py --rows 10000 --out /tmp/big   # a big ticket export for the bench
"""

from __future__ import annotations

import argparse
import csv
import json
import random
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "tests" / "fixtures" / "insights"

# theme id -> (interviews, tickets) it is planted in
FREQUENCIES: dict[str, tuple[int, int]] = {
    "shift_cover": (14, 22),
    "payroll_mismatch": (10, 16),
    "mobile_login": (6, 12),
    "multi_site": (3, 4),
    "notifications": (2, 3),
}

# Each theme's mentions: many wordings, few shared words. Even indexes go to dev, odd to heldout.
MENTIONS: dict[str, list[str]] = {
    "shift_cover": [
        "When someone calls in sick an hour before service, I spend the whole afternoon ringing round for cover.",
        "When a waiter cancels a shift at short notice, finding someone to replace them takes me hours.",
        "Finding a replacement when a cook drops out last minute is a nightmare, I text ten people and hear nothing.",
        "If a cook cancels on the morning of a shift, I can't find anyone to cover and end up working it myself.",
        "Getting cover for a shift someone dropped eats my whole morning, phoning staff who are asleep.",
        "Every weekend somebody pulls out of a shift late and I'm scrambling to find a stand-in.",
        "Sick calls at 6am are the worst part of my job; I can never find anyone to step in and cover.",
        "We lose hours every week chasing people to fill a shift after someone cancels at the last minute.",
        "When a bartender drops a shift late, nobody picks it up and the gap stays open.",
        "I have to beg staff to cover when a colleague cancels, and there's no quick way to find who is free.",
        "Covering a shift after a last-minute cancellation is what actually hurts the business.",
        "Staff cancel shifts at the last moment and I'm left desperately looking for a replacement.",
        "Most of my stress is finding cover when somebody rings in ill just before opening.",
        "Nobody volunteers to take a shift someone else has dropped, so I'm stuck on the floor on my day off.",
        "Please fix this: when an employee cancels, there is no way to get their shift covered quickly.",
        "A server pulled out of three shifts this week and I could not get anyone to replace her.",
        "A dropped shift sits uncovered for days because I have to ring everybody individually to fill it.",
        "Our kitchen porter called off sick again and finding a replacement took me three hours.",
        "Short-notice absences leave shifts uncovered, and finding a substitute is all on me.",
        "Whenever a colleague can't make a shift, tracking down cover is a slog of calls and messages.",
    ],
    "payroll_mismatch": [
        "The hours in the timesheet never match what payroll pays out, so I fix them by hand every fortnight.",
        "I spend Sunday nights reconciling clock-ins against the payroll export line by line.",
        "The payroll file your system exports has the wrong totals for overtime, and our accountant is fed up.",
        "Wages come out wrong because breaks aren't deducted properly in the exported hours.",
        "Every pay run I have to correct staff hours manually before they go to the bookkeeper.",
        "Clocked time and paid time disagree, and people notice when their wages are short.",
        "Overtime is calculated differently in your report than in our payroll software, it is a mess.",
        "Half my admin time goes on making the timesheets line up with what we actually owe people.",
        "The export to Xero drops shifts that cross midnight, so those hours never get paid.",
        "My staff complain their payslips are missing hours that the rota clearly shows they worked.",
        "I don't trust the hours figure anymore; I recount everything in a spreadsheet before paying.",
        "Pay is consistently off by an hour or two for night staff because of how clock-outs are rounded.",
        "Reconciling timesheets with the wage bill takes me a full day at the end of each month.",
        "The totals in the payroll report are wrong whenever someone works a split shift.",
    ],
    "mobile_login": [
        "The phone app keeps signing my staff out, so they can't see their rota before a shift.",
        "Half the team can't log in on their mobiles since the last update.",
        "My chefs get kicked out of the app every couple of days and have to reset their password.",
        "Staff tell me the mobile login just spins forever and they give up.",
        "The app forgets who you are constantly, so people stop checking it and miss changes.",
        "Since the update, Android users are stuck on the sign-in screen.",
        "Our younger staff won't use it because they get logged out all the time on their phones.",
        "I can't get into my account on my phone, it says my session expired every morning.",
        "Password resets on mobile never arrive, so new hires can't access the schedule.",
        "Being bounced back to the login page whenever you open the app is driving the team mad.",
    ],
    "multi_site": [
        "I run three sites and can't see all the rotas in one place.",
        "There's no combined view across our locations, so I flip between accounts all day.",
        "Moving a cook between our two restaurants means rebuilding the shift in a separate account.",
        "Managing both kitchens needs two logins and nothing rolls up across sites.",
        "I want one screen for every branch instead of checking each location separately.",
        "Comparing labour cost between our venues is impossible without exporting each one.",
    ],
    "notifications": [
        "Staff get the shift reminder after the shift has already started.",
        "Notifications arrive in bursts hours late, so changes go unnoticed.",
        "The reminder texts come at 3am and wake people up.",
        "People say they never get told when I change their shift.",
        "Alerts about rota changes show up a day late, if at all.",
        "Nobody hears about schedule changes because the push messages don't come through.",
    ],
}

# Neutral facts that recur, each worded differently: they are not customer problems.
FILLER = [
    "We moved the office to the old mill building last spring.",
    "The office relocated across town in March.",
    "We changed premises earlier this year, the new place is near the station.",
    "The restaurant was founded in 2009 by the owner's father.",
    "The business started back in 2009 as a single café.",
    "We opened our doors in 2009.",
    "We have about forty people on the payroll across the year.",
    "Friday night is our busiest service of the week.",
    "I've been working in hospitality for twelve years.",
    "The menu changes with the seasons.",
    "Our head chef trained in Lyon before joining us.",
    "We seat around eighty covers on a normal evening.",
    "Most of our staff are students from the local college.",
    "We switched to your product about two years ago.",
]
TICKET_FILLER = [
    "Hi team, hope you're well.",
    "Hello support,",
    "Thanks in advance for your help.",
    "Kind regards, the manager.",
    "Sent from my phone.",
    "Our account is under the main restaurant name.",
    "Cheers.",
    "We moved offices last month so the billing address changed.",
    "We've been customers since the company was founded in 2009.",
]
NAMES = ["Priya", "Tom", "Aisha", "Marco", "Lena", "Sam", "Chloe", "Ravi", "Jonas", "Maria", "Dev", "Hannah",
         "Kofi", "Ines", "Luca", "Mei", "Oscar", "Nadia", "Ben", "Sofia", "Yusuf", "Ella", "Pedro", "Zara",
         "Finn", "Amara", "Leo", "Greta", "Omar", "Tess"]
ROLES = ["general manager", "head chef", "owner", "shift supervisor", "operations manager", "bar manager"]
SEGMENTS = ["independent café", "multi-site restaurant group", "hotel kitchen", "bar and grill"]
PROMPTS = ["Tell me about a normal week.", "What takes up most of your time?", "What would you change first?",
           "Anything else we should know?"]
OPENERS = ["", "Honestly, ", "To be fair, ", "The big one for me: ", "", "Look, ", "If I'm honest, "]

PRESS_RELEASE = """# Rota Cover finds a replacement within minutes when someone drops a shift

## Restaurant managers stop phoning round for cover: the app offers the open shift to free staff instantly

LONDON, June 2, 2027 — Rota today launched Rota Cover. When an employee calls in sick or cancels a shift,
Rota Cover offers the open shift to every qualified colleague who is free, and the first to accept takes it.
The manager approves the swap with one tap instead of spending the morning on the phone.

"I used to lose my whole afternoon chasing people to fill a gap," said a café owner in the pilot.
"Now the shift is covered before I've finished my coffee."

Rota Cover is included in every Rota plan from June 2.
"""


def _picks(rng: random.Random, population: int, count: int) -> list[int]:
    return sorted(rng.sample(range(population), count))


def _mention(rng: random.Random, theme: str, variant: str) -> str:
    wordings = [w for i, w in enumerate(MENTIONS[theme]) if (i % 2 == 0) == (variant == "dev")]
    text = rng.choice(wordings)
    opener = rng.choice(OPENERS)
    return opener + (text[0].lower() + text[1:] if opener else text)


def build(variant: str, seed: int, out: Path) -> dict[str, object]:
    rng = random.Random(seed)
    out.mkdir(parents=True, exist_ok=True)
    interviews_dir = out / "interviews"
    interviews_dir.mkdir(exist_ok=True)
    for old in interviews_dir.glob("*.md"):
        old.unlink()
    interview_ids = [f"interviews/interview-{n:02d}.md" for n in range(1, 31)]
    placed_interviews: dict[int, list[str]] = {n: [] for n in range(30)}
    placed_tickets: dict[int, list[str]] = {n: [] for n in range(60)}
    truth: dict[str, list[str]] = {}
    for theme, (n_interviews, n_tickets) in FREQUENCIES.items():
        chosen_i = _picks(rng, 30, n_interviews)
        chosen_t = _picks(rng, 60, n_tickets)
        for index in chosen_i:
            placed_interviews[index].append(theme)
        for index in chosen_t:
            placed_tickets[index].append(theme)
        truth[theme] = [interview_ids[i] for i in chosen_i] + [f"tickets.csv#T{1000 + i}" for i in chosen_t]

    for index, path in enumerate(interview_ids):
        name = NAMES[index]
        statements = [_mention(rng, theme, variant) for theme in placed_interviews[index]]
        statements += rng.sample(FILLER, rng.randint(2, 4))
        rng.shuffle(statements)
        lines = [f"# Interview {index + 1:02d}: {name}", "",
                 f"Role: {rng.choice(ROLES)}", f"Segment: {rng.choice(SEGMENTS)}",
                 f"Date: 2027-03-{(index % 28) + 1:02d}", ""]
        chunks = [statements[i::2] for i in range(2)]
        for prompt, answer in zip(rng.sample(PROMPTS, 2), chunks, strict=True):
            if answer:
                lines += [f"Q: {prompt}", f"A: {' '.join(answer)}", ""]
        (out / path).write_text("\n".join(lines), encoding="utf-8")

    with open(out / "tickets.csv", "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["id", "created", "segment", "channel", "subject", "description"])
        for index in range(60):
            body = [_mention(rng, theme, variant) for theme in placed_tickets[index]]
            if not body:
                body = [rng.choice(["Can you send me last month's invoice again?",
                                    "How do I add a new employee to the rota?",
                                    "Is there a way to print the weekly schedule?",
                                    "Please update our billing email address."])]
            text = " ".join([rng.choice(TICKET_FILLER), *body, rng.choice(TICKET_FILLER)])
            writer.writerow([f"T{1000 + index}", f"2027-04-{(index % 28) + 1:02d}", rng.choice(SEGMENTS),
                             rng.choice(["email", "chat", "web form"]), "Help needed", text])

    (out / "press-release-cover-only.md").write_text(PRESS_RELEASE, encoding="utf-8")
    manifest = {"variant": variant, "seed": seed, "frequencies": {k: list(v) for k, v in FREQUENCIES.items()},
                "truth": truth, "order": list(FREQUENCIES)}
    (out / "truth.json").write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
    return manifest


def build_big(rows: int, seed: int, out: Path, unique: bool = False) -> Path:
    """A large ticket export for the benchmark: the same themes, every third row neutral. Its
    sentences repeat (the embedding memo then skips most of them); `unique` adds a different
    order number and name to every sentence, so that every one must be embedded. Which rows
    each theme was planted in goes to `truth_path(path)`."""
    rng = random.Random(seed)
    out.mkdir(parents=True, exist_ok=True)
    path = out / f"tickets-{rows}.csv"
    themes = list(FREQUENCIES)
    weights = [f[1] for f in FREQUENCIES.values()]
    truth: dict[str, list[str]] = {theme: [] for theme in themes}
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["id", "segment", "description"])
        for index in range(rows):
            theme = None if index % 3 == 2 else rng.choices(themes, weights)[0]
            body = [] if theme is None else [_mention(rng, theme, rng.choice(["dev", "x"]))]
            if theme is not None:
                truth[theme].append(f"{path}#B{index}")
            parts = [rng.choice(TICKET_FILLER), *body, rng.choice(FILLER), rng.choice(TICKET_FILLER)]
            if unique:
                who = f"{rng.choice(NAMES)} at site {index % 97}, ticket {index}"
                parts = [p.rstrip(".,") + f" ({who})." for p in parts]
            text = " ".join(parts)
            writer.writerow([f"B{index}", rng.choice(SEGMENTS), text])
    truth_path(path).write_text(json.dumps({"order": themes, "truth": truth}) + "\n", encoding="utf-8")
    return path


def truth_path(export: Path) -> Path:
    """Where `build_big` records the rows each theme was planted in (not an input `insights` reads)."""
    return export.with_suffix(".truth.json")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--rows", type=int, default=0, help="write only a big ticket export of this many rows")
    args = parser.parse_args()
    if args.rows:
        print(build_big(args.rows, 3, args.out))
        return
    for name, variant, seed in (("dev", "dev", 1), ("heldout", "heldout", 2), ("fresh", "heldout", 3)):
        build(variant, seed, args.out / name)
        print(f"wrote {args.out / name}")


if __name__ == "__main__":
    main()
