"""Typed facts read from customer notes, each pointing at the words in the notes it came from.

Notes come in every shape: labelled fields ("Customer: ...", "Price we are thinking about:
..."), bullet lists from a call, interview headers followed by quotes, one line. The reader works
line by line: a label names what a line (or the bullets under it) is about; without labels, cue
words decide (a problem sounds like "spend 1-2 hrs/day phoning", an idea like "a tool that").
Nothing here rewrites the notes: every fact is a slice of the notes' text, so whatever the
offline engine puts in a draft can be found again where it came from.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Callable, Iterator
from typing import Literal

from pydantic import BaseModel, Field

from assistant.documents.models import Document
from assistant.draft.claims import number_claims, quote_claims
from assistant.draft.models import ClaimKind
from assistant.draft.money import SIGNS, has_money, money_pattern
from assistant.draft.words import (
    end_users_pattern,
    foreign_labels,
    foreign_months,
    leads_it_pattern,
    organisations_pattern,
    people_pattern,
    things_ending_ers,
)

# Letters of a place's name, accents and all ("Wrocław", "Málaga", "Zürich", "Łódź"): Python's `re`
# has no \p{Lu}, so the Latin ranges are spelled out (Latin-1 and Latin Extended-A).
UPPER = "A-ZÀ-ÖØ-Þ\u0100-\u017f"
LOWER = "a-zß-öø-ÿ\u0100-\u017f"

Topic = Literal[
    "title", "customer", "problem", "idea", "price", "budget", "launch", "leader", "name", "open", "heard", "loss",
    "not_doing", "getting_started", "evidence", "dependencies", "risks", "privacy", "market", "want", "other",
    "interviewee",
]

# A bullet, or the "> " of a forwarded or quoted e-mail (the words under it are the notes' own).
# (a task list's box, "- [x] talked to 6 makerspaces", is part of the bullet, not of the words)
# (a thread's "1/", "2/" number its posts like a list)
# (a checklist's box with no dash before it, "[x] name: PackPal" in a Trello card, is a bullet too)
_BULLET = re.compile(r"^\s*(?:(?:[-*+•]|\d{1,2}[.)]|\d{1,2}/(?!\d))\s+(?:\[[ xX✓✔]\]\s+)?|\[[ xX✓✔]\]\s+|"
                     r">+\s?(?:[-*+•]\s+)?)")
_HEADING = re.compile(r"^\s*(?:#{1,6}|h[1-6]\.)\s+")  # "## Problem", Jira/Confluence "h3. Problem"
_LABEL = re.compile(r"^(?P<label>[A-Za-zÀ-ÿ][A-Za-zÀ-ÿ0-9 /&'’()+-]{0,48}?)\s*:(?:\s+(?P<rest>\S.*))?\s*$")
_INTERVIEW = re.compile(r"^(?:customer\s+)?(?:interview|conversation|session|call)(?:\s+#?\d+)?"
                        r"(?:\s*[—–:-]\s*|\s+with\s+)(?P<who>[A-Z].*)$", re.IGNORECASE)
# "Competitors:", "Alternatives today:": other companies' products (the competition FAQ's, `rivals`)
COMPETITORS_LABEL = re.compile(r"^(?:(?:the\s+)?(?:competitors?|competition|competitive landscape|alternatives?|"
                               r"existing (?:solutions|tools|products))(?:\s+today)?|vs\.?|versus)$")
# "Success metric:", "KPIs:", "North star:", an OKR's key results: how we will know it works (the
# internal FAQ's "How will we measure success?"), never the customer's problem
SUCCESS_LABEL = re.compile(r"^(?:(?:success|key) (?:metrics?|criteria|measures?)|kpis?|success|definition of success|"
                           r"north star(?: metric)?|how we(?:'ll| will)? measure(?: success| it)?|key results?|"
                           r"krs?\s*\d*)$")
# "Why now:", "Timing:": what changed that makes it possible or urgent today
WHY_NOW_LABEL = re.compile(r"^(?:why now|why this now|why today|why (?:this|it) now|timing)$")
_LABEL_TOPICS: list[tuple[Topic, re.Pattern[str]]] = [
    # A task's or page's own fields (Asana, Jira, Confluence): "Due date: 30 Jun" is not the launch.
    # Other companies' products ("Competitors:", "Alternatives today:"): no part of our press release,
    # and never our problem ("Most firms use a spreadsheet" under it is the market's state)
    # An OKR page's objective and key results: targets we set ourselves, not the customer's problem
    ("other", re.compile(r"^(?:objectives?|okrs?)$")),
    ("other", SUCCESS_LABEL),
    ("other", COMPETITORS_LABEL),
    ("other", re.compile(r"^(?:due(?: date)?|deadline|assignee|reporter|created by|last updated|document owner|"
                         r"owner|status|page status|priority|tags?|labels?|stage|confidence|epic|sprint|sentiment|"
                         r"channel|type|component/?s?|severity|ticket|attendees|agenda)$")),
    ("not_doing", re.compile(r"\b(?:not doing|non-?goals?|out of scope|won'?t do|will not)\b")),
    # "Customer quote:", "User verbatims:": what a customer said, not who the customer is
    ("heard", re.compile(r"^(?:customer|user|client|buyer)s?\s+(?:quotes?|verbatims?|testimonials?|words)$")),
    # "Headline:", "Tagline:", "One-liner:": the idea in a line, as the notes would headline it
    ("idea", re.compile(r"^(?:headline|tagline|one-?liner|elevator pitch|(?:the |our )?bet)$")),
    # a PRD's "Goals" (what the customer can do with it), not its "Non-goals" (above) or an OKR's objectives
    ("idea", re.compile(r"^(?:(?:product|user|customer|key) )?goals?$")),
    # "What SiteTrack does:", "How Pickday works:", "What it does": the idea, named by what it does
    ("idea", re.compile(r"^(?:what\s+(?:it|this|[a-z][\w-]*)\s+(?:does|is|will do)|how\s+(?:it|this|[a-z][\w-]*)\s+"
                        r"works?)$")),
    # "Price idea: $9.99 a month", "Price for outside customers: £250": a price before anything else.
    ("price", re.compile(r"\b(?:price|pricing|pricing plans?|tiers?|fees?|commercials|business model|monetization|"
                         r"monetisation|revenue (?:model|streams?))\b|^money$")),
    ("open", re.compile(r"\b(?:open questions?|questions?|unknowns?|concerns?|assumptions?|open (?:qs?|items?|"
                        r"issues?)|qs?|tbd|to ?do|to-dos?|to decide|undecided|action items?)\b")),
    ("risks", re.compile(r"\b(?:risks?|threats?|worr(?:y|ies|ied)|downsides?)\b")),
    ("launch", re.compile(r"\b(?:launch\w*|go[- ]live|gtm|go[- ]to[- ]market|eta|ship date|release date|"
                          r"target (?:release|date|city|cities|market|quarter)|"
                          r"first (?:stores?|cities|city|sites?|markets?|locations?|shops?|"
                          r"clinics?|customers?|restaurants?|regions?|[a-z]+s)|where and when|when and where|"
                          r"roll-?out)\b")),
    ("market", re.compile(r"\b(?:market(?: size)?|tam|sam|how many|addressable)\b")),
    # A canvas's "Channels" box: how we reach the customers, asked of the market ("channel" alone is
    # a chat's field)
    ("market", re.compile(r"^(?:(?:sales |marketing |acquisition |distribution )?channels|distribution|"
                          r"how we(?:'ll| will)? reach them)$")),
    # "Head of product: Karin Lund", "Product lead: ...": a person's role, not the product or idea
    ("leader", re.compile(r"\b(?:sponsor|exec\w*|spokes\w*|ceo|coo|cto|cpo|founder|head of|vp|vice president|"
                          r"director|chief|gm|general manager|(?:product|project|program|programme) "
                          r"(?:lead|manager|owner))\b|"
                          # "Lead: Lukas Brunner", "Clinical lead: Dr Priya Nair": who leads it; "PM: Aisha Khan"
                          r"^(?:[a-z]+\s+)?lead$|^(?:pm|tpm|gpm)$")),
    # ("name idea: Ferrytail (or TailWind?)", "name options:": the name, not the product idea)
    ("name", re.compile(r"^(?:name|naming|working name|working title|product name|code ?name|product|brand|"
                        r"product requirements?|prd|name (?:ideas?|options?|candidates?|shortlist))$")),
    # ("ICP = bakeries w/ 2-10 staff": the ideal customer profile)
    ("customer", re.compile(r"\b(?:customers?|clients?|cust|who|audience|target|users?|segment|personas?|for whom|"
                            r"buyers?|icps?|ideal customers?(?: profiles?)?)\b|^for$")),
    ("problem", re.compile(r"\b(?:problems?|prob|pains?|pain points?|issues?|challenges?|why|jobs? to be done|hurts?|"
                           r"opportunity|status quo|today)\b|^(?:context|background|situation)$")),
    # ("Program: volunteers read with a child ...", "Scheme:", "Intervention:": a programme's idea)
    ("idea", re.compile(r"\b(?:idea|solution|soln|proposed|hypothesis|proposal|concept|pitch(?:ed)?|approach|"
                        r"value prop\w*|program|programme|scheme|intervention|offering|"
                        r"what (?:we|i)(?:'re| are|'ll| will|'d| would|'m| am)? "
                        r"build\w*|product|how it works|feature|(?:would|will|could|should) we (?:build|make)|"
                        # a ticket's "Acceptance criteria:", "Requirements:": what it must do
                        r"acceptance criteria|requirements|must[- ]haves?)\b|"
                        r"^what$|^how$")),
    ("budget", re.compile(r"\b(?:budget|costs?|business model|revenue|economics|spend|funded by|funding|"
                          r"grants?)\b")),
    ("launch", re.compile(r"\b(?:launch|timeline|timing|availability|available|when|dates?|pilot|rollout|release|ga|"
                          r"(?:target|launch|pilot|first) (?:city|cities|market|location))\b|^where$")),
    ("leader", re.compile(r"\b(?:leader|sponsor|exec\w*|spokesperson|dri|gm)\b")),
    ("name", re.compile(r"\b(?:name|working name|product name|code ?name)\b")),
    ("heard", re.compile(r"\b(?:heard|learn(?:ed|t)|quotes?|feedback|interviews?|verbatims?|voice of)\b")),
    ("getting_started", re.compile(r"\b(?:getting started|get started|onboarding|set ?up|how to start)\b")),
    # ("#s": the numbers, as notes write it)
    ("evidence", re.compile(r"\b(?:data|evidence|research|numbers|metrics|survey)\b|^#s$")),
    ("dependencies", re.compile(r"\b(?:dependenc\w+|depends? on|integrations?|partners?\w*|suppliers?|platforms?|"
                                r"needs?|requires?|vendors?)\b")),
    ("privacy", re.compile(r"\b(?:privacy|security|compliance|legal|data handling)\b")),
    ("title", re.compile(r"^(?:notes?|title|topic|subject|from|to|cc|bcc|sent|card|epic|project)$")),
]
# "late" is a problem ("invoices paid late"), never when it is part of a date ("late Nov '27").
_LATE = r"late(?![- ](?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|spring|summer|autumn|fall|winter|q[1-4]|" \
        r"h[12]|20\d\d)\w*(?:\.|\b))"
CUES: dict[Topic, re.Pattern[str]] = {
    "problem": re.compile(
        r"\b(?:complain\w*|complaint|#1|problems?|pain\w*|hates?|frustrat\w*|struggl\w*|ignor\w*|miss(?:ed|es|ing)?|"
        r"no-shows?|lost|lose|losing|spends?|spending|spent|wast\w*|takes?\s+(?:about|longer|too|hours|ages)|"
        r"argu(?:e|es|ed|ing|ments?)|disputes?|quarrel\w*|"
        # "if a code is wrong ... we eat the demurrage": an error, and a cost they absorb
        r"(?:is|are|was|were|gets?|got|goes|went)\s+wrong|(?:we|they|I)\s+eat\s+the\s+\w+|"
        # "rescheduling eats one evening per week", "eats up half their margin": what it costs them
        r"eats?\s+(?:up\s+|into\s+)?(?:an?|one|two|three|half|\d[\d,.]*|hours|days|their|my|our)\b|"
        # "takes me 45 minutes every morning": the time it costs them
        r"(?:takes?|took|costs?)\s+(?:me|us|them|him|her)\s+(?:about\s+|around\s+|~)?(?:\d|an?\s+(?:hour|day))|"
        r"took\s+longer|hours?\s+(?:a|per|each)|hrs|manual\w*|re-?types?|phoning|voicemail|broken|breakages?|"
        # queues, people who give up and leave, work done twice ("re-enter", "re-measure", "re-key")
        r"queues?|walk(?:s|ed|ing)?\s+(?:out|away)|give(?:s)?\s+up|gave\s+up|re-(?:enter|measure|key|do|check)\w*|"
        r"breaks?|never|nobody|can'?t|cannot|worried|downtime|idle|unused|empty|slow|errors?|clipboard|tedious|hard to|"
        r"difficult|don'?t know|doesn'?t know|no idea|costs? (?:them|us)|out of stock|runs? out|every (?:monday|day|"
        r"morning|evening|night|week)|on paper|paper|by hand|whiteboard|spreadsheets?|times a day|mins? per|"
        r"minutes per|"
        + _LATE + r"|overdue|get missed|gets missed|double[- ]book\w*|skip(?:s|ped|ping)?|no way to|crack(?:s|ed)?|"
        r"unable to|too late|unnoticed|undetected|typos?|(?<!can't )(?<!cannot )wait(?:s|ing|ed)?(?!\s+list)|"
        # guesswork, fear of fakes, half a day gone: "reorder ... and guess the quantities" (not a
        # bare "We guess."), "fake stock is a real fear", "half a day each trip"
        r"guesswork|guess(?:es|ed|ing)?\s+(?:the|how|at|what|which|when|whether)|fakes?|counterfeits?|fears?|afraid|"
        # waste: "by Thursday a third has gone soft, they throw it away"
        r"throw(?:s|ing)?\s+(?:\w+\s+){0,2}?(?:away|out)|thrown\s+(?:away|out)|(?:gone|goes|go|going)\s+(?:soft|off|bad|"
        r"stale|mouldy|moldy)|spoil(?:s|ed|t|ing|age)?|rott?(?:ing|en|s)|"
        # the old way, kept: "Small harbours still take mooring payments in cash"
        r"still\s+(?:use|uses|take|takes|do|does|keep|keeps|write|writes|rely|relies|run|runs|send|sends|book|books|"
        r"print|prints|track|tracks|count|counts|read|reads)|in cash|"
        r"half (?:a|the) day|(?:a|the) whole (?:day|morning|afternoon|evening))\b|"
        # time spent, per period: "takes ~90 min/day", "3 hrs a week"
        r"\d\s*(?:min|mins|minutes|hrs?|hours)\s*(?:/|per\s|a\s|each\s)\s*(?:day|week|month|shift)\b", re.IGNORECASE),
    # ("they have no idea what sold" is a problem, not an idea)
    "idea": re.compile(r"\b(?:our idea|(?<!\bno )(?<!\bnot the faintest )idea|hypothesis|a tool that|"
                       r"(?:i|we)(?:'d| would)? propose|"
                       r"what if we|how about we|"
                       r"an? (?:app|tool|service|platform|bot|plugin|"
                       r"feature|dashboard|assistant)\b|we (?:could|would|will|want to build)|"
                       # "We'd build FrostGuard, a sensor ...", "we plan to build ..."
                       r"we(?:'d|'ll|\s+(?:plan|want|hope|intend)\s+to)\s+(?:build|make)\b|"
                       # "we're thinking of a forecast that reads the tills": what we mean to build
                       r"we(?:'re|\s+are)\s+(?:thinking\s+(?:of|about)|looking\s+at)\s+(?:building\s+|making\s+)?"
                       r"(?:an?|some)\s|lets? (?:them|"
                       r"patients|owners|users|customers)|automatically)", re.IGNORECASE),
    # a price per anything ("£10 per team per season", "$29/mo per truck"), "free", "fee", "pricing"
    "price": re.compile(rf"(?:(?:{money_pattern()})\s*(?:/|per\s|a\s|an\s|each\s)\s*[a-z]+|"
                        # "€39 one-off", "£250 upfront": a price paid once
                        rf"(?:{money_pattern()})\s*(?:one-?off|one-?time|once|up-?front|outright)\b|\bfree\b|\bfreemium\b|"
                        r"\bpric\w+|\bfees?\b|\bpays? nothing\b|\bno charge\b)", re.IGNORECASE),
    # what they pay today, and what they would pay at most ("I'd never pay more than $20 a month")
    "budget": re.compile(rf"\b(?:budget|afford|pay(?:s|ing)?\s+(?:more|over|above)\s+(?:than\s+)?(?:{money_pattern()})|"
                         r"(?:never|not|won'?t|wouldn'?t|n't)\s+pay|price ceiling|"
                         # who pays for a free service: "funded by a £40k grant from the Co-op Foundation"
                         r"(?:funded|paid for|covered|sponsored)\s+by|grants?\b|"
                         rf"pay(?:s|ing)?\s+(?:\d|(?:{money_pattern()})|for|about|around|up to|"
                         rf"whatever|\"|“)|paid\s+(?:\d|(?:{money_pattern()})|for)|spend\w*\s+(?:{money_pattern()})|"
                         r"costs? us|money|revenue)", re.IGNORECASE),
    "launch": re.compile(r"\b(?:launch\w*|pilot|beta|roll-?out|roll(?:ing)? out|release|ship|"
                         r"ships (?:to|in)|shipping (?:to|in|from)|go(?:es|ing)?[- ]live|"
                         r"available|first (?:stores?|cities|city|sites?|markets?|locations?|shops?|clinics?|"
                         r"restaurants?|customers|users|schools|wards|farms)|"
                         r"trials? (?:at|with|in|on)|start(?:ing)?,?\s+(?:(?:uh|um|er),?\s+)?"
                         r"(?:with|in|at)|(?-i:GA)|the target is|open(?:s|ing)? it (?:up )?to|we(?:'ll| will)? open|"
                         r"open(?:s|ing)? in (?=(?-i:[A-Z])))\b|\bstart(?:ing)?\s+w/|"
                         # a brainstorm's "start Ikeja, Feb 2027, 40 pharmacies": where it starts
                         r"^\W*start(?:s|ing)?:?\s+(?-i:[A-Z])|\blive\s+(?:in|at|from)\s+(?-i:[A-Z])|"
                         # "first one at Makola Market in Accra, March 2027"
                         r"\bfirst\s+one\s+(?:at|in|opens?)\b",
                         re.IGNORECASE),
    "dependencies": re.compile(
        # partners ("partner w/ a laundry distributor for installs") are dependencies
        # (not "distributors": "açaí distributors in Recife lose stock" are the customers)
        r"\b(?:integrat\w*|works? with|plug(?:s)? into|api|apis|suppliers?|partner(?:s|ing|ed|ships?)?|"
        r"portals?|scheduling (?:software|"
        r"systems?)|data warehouse|dbt|slack|salesforce|dentrix|query logs?|pull requests?|depends?|must run|wi-?fi|"
        r"cloud|on-?prem\w*|offline)\b|"
        # "we need Seasonal Workforce SA to list us", "we'd need a deal with them": someone else must deliver
        r"\bwe(?:'d|\s+would|'ll|\s+will)?\s+need\s+(?:(?-i:[A-Z])|a\s+deal|an?\s+agreement|a\s+partner|"
        r"(?:their|them|the\s+(?:\w+\s+){0,2}?\w+)\s+to\s+(?:sign|agree|approve|endorse|list))|"
        # "need 3 licensed wholesalers on board", "the SU has to sign off": others who must say yes
        r"\b(?:via|through)\s+[\w-]+\.(?:com|co\.uk|nl|de|fr|es|it|be|ie)\b|"  # "launch ... via bol.com": a channel
        r"\bneed\s+[^.;\n]{0,60}?\bon board\b|\b(?:has|have|needs?|must)\s+to\s+sign\s+off\b|\bsign-?off\s+from\b",
        re.IGNORECASE),
    # A photo is a privacy matter when people are in it ("photos of people's doors", "faces in
    # frame"), not when it is a claim's evidence ("a photo or the policy number is missing").
    # ("private tutors", "a private clinic" say nothing of data; "private data", "kept private" do)
    "privacy": re.compile(r"\b(?:privacy|private\s+(?:data|information|info|details|messages|notes|records|photos)|"
                          r"(?:kept|keep|stays?|is|are|remains?)\s+private|hipaa|gdpr|personal data|patient data|pii|"
                          r"security|secure|"
                          r"(?:photos?|pictures?|images?|video|footage)\s+(?:of|showing)\s+(?:\w+\s+){0,2}?"
                          r"(?:people|persons?|faces?|customers|shoppers|patients|guests|children|kids|staff|"
                          r"employees|homes?|houses?|doors?|drivers|residents)|faces?|consent|in frame)\b",
                          re.IGNORECASE),
    "risks": re.compile(r"\b(?:risks?|risky|worried|worries|worry|concern\w*|accuracy|bad lighting|fail\w*|"
                        r"what happens|"
                        r"unknown|unclear|might not|may not|won'?t want|not sure)\b", re.IGNORECASE),
    # ("1 in 5 Saturday shifts ran short-staffed (Trussell network figures)": a share counted is evidence)
    "evidence": re.compile(r"\b(?:\d+\s+of\s+\d+|\d+\s+in\s+\d+(?!\s*(?:am|pm|minutes|mins|hours|days))|"
                           r"figures|records show|according to|interview(?:s|ed)?|surveys?|estimates?|told us|"
                           r"calls?\s+(?:w/|with)|spoke|talked|shadow(?:ed|ing)|observed|sat in on)(?!\w)",
                           re.IGNORECASE),
    # How many customers there are: a market's size, never a count of people interviewed or of
    # people who had the problem ("4 people had invoices >90 days overdue" is evidence).
    "market": re.compile(r"\b(?:(?:market size|(?-i:TAM|SAM)|addressable)\b|"  # not "Sam Patel"
                         r"there are (?:about |roughly |around |over |~)?\d|"
                         r"\d[\d,.]*\s*(?:k|m|million|billion|bn)\s+(?:[a-z-]+\s+){0,3}(?:stores|clinics|owners|people|"
                         r"teams|companies|businesses|customers|users|practices|agencies|restaurants|shops|households)|"
                         r"\d[\d,.]*\s+(?:[a-z-]+\s+){0,3}(?:stores|clinics|owners|teams|companies|businesses|practices|"
                         r"agencies|restaurants|shops|households)\s+(?:in|across)\s+(?:the\s+)?[A-Z])", re.IGNORECASE),
    # A loss the customer has today: a problem even when it is counted in money.
    "loss": re.compile(r"\b(?:lost|lose|loses|losing|throws? (?:away|out)|threw (?:away|out)|thrown (?:away|out)|"
                       r"throwing (?:away|out)|"
                       r"costs? (?:them|us|a|an|the|each|every|about|roughly|around|~)|"
                       r"overdue|" + _LATE + r"|wasted?|missed|no-shows?|rejected|behind|idle)\b", re.IGNORECASE),
    "not_doing": re.compile(r"\b(?:we will not|we won'?t|not going to|out of scope|non-goal|no plans? to)\b",
                            re.IGNORECASE),
    # ("onboard" as a verb: not "onboard kennels", which are on the ship)
    "getting_started": re.compile(r"\b(?:sign(?:s)? up|install(?!ers?\b)\w*|download\w*|onboard(?:ing|ed|s)\b|"
                                  r"onboard (?:new |your |our |their )?(?:customers|users|clients|staff|teams?|them)\b|"
                                  r"set(?:s)? up|"
                                  r"get(?:ting)? started)\b", re.IGNORECASE),
    # What customers want ("owners want to see ..."); "we want to build X" is the team's plan.
    "want": re.compile(r"\b(?:they|owners|managers|customers|users|people)\s+(?:want|wants|wish|need|needs)\s+"
                       r"(?:to\s+)?(?!(?:build|make|launch|ship|create|sell)\b)(?P<want>[^.;\n]{6,120})",
                       re.IGNORECASE),
}
_MONTH_CAPITALS = ("Jan|January|Feb|February|Mar|March|Apr|April|May|Jun|June|Jul|July|Aug|August|Sep|Sept|September|"
                   "Oct|October|Nov|November|Dec|December|Q[1-4]|H[12]|Monday|Tuesday|Wednesday|Thursday|Friday|"
                   "Saturday|Sunday|Spring|Summer|Autumn|Fall|Winter|Easter|Christmas")
_ROLE_NOUNS = ("(?:"
               r"teams?|managers?|owners?|engineers?|leads?|founders?|developers?|analysts?|designers?|marketers?|"
               r"clinics?|stores?|shops?|grocers?|restaurants?|businesses|companies|startups?|agencies|"
               r"practices|nurses|doctors|dentists|teachers|students|parents|patients|customers|users|people|"
               r"admins?|administrators?|operators?|drivers?|sellers?|merchants?|retailers?|landlords?|tenants?|"
               r"freelancers?|accountants?|recruiters?|writers?|creators?|pms|product managers?|families|"
               r"households|homeowners|moms|dads|caregivers|farmers|coaches|researchers|buyers|landlords|mechanics|"
               r"pharmacists|therapists|vets|plumbers|electricians|contractors|builders|tutors|volunteers|staff|techs|"
               r"florists|masters|utilities|studios|schools|districts|hospitals|councils|charities|libraries|"
               # places of business: the customer when the business buys
               # "restaurant groups", "hotel chains" (never "groups" alone)
               r"(?<=[a-z] )(?:groups|chains)|"
               # "care homes", "nursing homes", "health centres" (never "homes" alone)
               r"(?:(?<=care )|(?<=nursing )|(?<=group )|(?<=retirement )|(?<=residential ))homes|"
               r"(?<=[a-z] )(?:centres|centers)|"
               r"labs|firms|salons|gyms|venues|hotels|garages|pharmacies|bakeries|caf[eé]s|bars|pubs|campgrounds|"
               r"campsites|marinas|harbours|harbors|wineries|vineyards|orchards|breweries|dealerships|workshops|factories|warehouses|nonprofits|"
               # people by the ending of their trade: opticians, technicians, dentists, florists (not "lists")
               r"[a-z]{3,}ians|[a-z]{2,}(?<!l)ists|"
               # kinds of organisation (words.yaml): "allotment societies", "parcel carriers"
               + organisations_pattern() + "|" + people_pattern() + ")")  # and people (words.yaml)
# Any -ers/-ors plural but the things (words.yaml): used only where the grammar already says the
# words are people ("for island commuters", "coffee with three dog walkers").
_PEOPLE_ERS = rf"(?!(?:{'|'.join(sorted(things_ending_ers()))})\b)[a-z]{{3,}}(?:ers|ors)\b"
# Where a line's grammar already says it is people ("... spend", "for ... who"), any -ers/-ors noun
# ("hairdressers", "coordinators") counts as a role too; alone those endings are too loose
# ("orders", "servers"), so _ROLE_NOUNS keeps only the listed ones.
_ROLE_LIKE = rf"{_ROLE_NOUNS}|[a-z]+(?:ers|ors)"
_CUSTOMER_PHRASES = [
    re.compile(rf"\b(?:call|calls|interviews?|meeting|chat|conversations?|spoke|talked|survey(?:ed)?|coffee|lunch|"
               rf"(?:hear|hearing|heard)(?= from))\s+"
               rf"(?:w/|with|of|to|from)\s+(?:\d+\s+|several\s+|some\s+|a few\s+|"
               rf"(?:two|three|four|five|six|seven|eight|nine|ten|a dozen)\s+)?"
               rf"(?P<who>(?:[\w+&-]+\s+){{0,3}}(?:{_ROLE_NOUNS}|{_PEOPLE_ERS})"
               rf"(?:\s+(?:of|in|at|across)\s+(?!(?-i:{_MONTH_CAPITALS})\b)(?-i:[{UPPER}][{LOWER}'’-]+))?)\b",
               re.IGNORECASE),
    re.compile(rf"\b(?:help|helps|for|lets?|enables?|(?:opening|open|selling|sell|offering|offer) it to)\s+"
               # ("Homework help for parents": the help is for parents, not "for parents")
               rf"(?:the\s+|our\s+)?(?!(?:each|every|one|any|for|to|with|of|in|at|on|by)\b)(?P<who>(?:[a-z+&-]+\s+|"
               rf"[A-Z][a-z]+\s+(?=(?:[a-z+&-]+\s+)?(?:{_ROLE_NOUNS})\b)){{0,3}}(?:{_ROLE_NOUNS}|{_PEOPLE_ERS})"
               # "for residents of Ward 7", "for care homes in Leeds": the place keeps its group
               rf"(?:\s+(?:of|in|at|across)\s+(?!(?-i:{_MONTH_CAPITALS})\b)(?-i:[{UPPER}][{LOWER}'’-]+)"
               rf"(?:\s+(?:(?-i:[{UPPER}][{LOWER}'’-]+)|\d{{1,4}}\b))?)?)\b"
               rf"(?!\s+(?:thing|stuff|project|idea|app|tool|side|one|version)\b)"),
    # "call notes - 5 bike shop owners, Utrecht": who the calls were with.
    re.compile(rf"^(?:(?:call|interview|meeting)s?\s+)?notes?\s*[-–—:]\s*(?:\d+\s+)?"
               # (not a noun that names the topic, "Notes - clinic reminders": a word of a compound)
               rf"(?P<who>(?:[\w+&-]+\s+){{0,3}}(?:{_ROLE_NOUNS}))\b"
               r"(?![ \t]+(?!(?:in|at|of|on|from|across|near|and|or|with|who|that|we|i)\b)[a-z])", re.IGNORECASE),
    # "Landlord interviews (small landlords, 1-5 properties)": who was interviewed, in the brackets.
    re.compile(rf"^(?:[\w-]+\s+){{0,2}}(?:interviews?|calls?|conversations?)\s*\((?P<who>(?:[\w+&-]+\s+){{0,3}}"
               rf"(?:{_ROLE_NOUNS}))\b", re.IGNORECASE),
    # "Target is the owner of small bengkel, 1-3 mechanic": who the notes say the customer is.
    re.compile(rf"^(?:our\s+)?(?:target(?: customers?| users?| group| segment)?|customers?|audience)\s+(?:is|are)\s+"
               rf"(?:the\s+|our\s+)?(?P<who>(?:[\w+&'-]+\s+){{0,4}}?(?:{_ROLE_LIKE})(?:\s+of\s+[\w -]{{2,40}}?)?)"
               rf"(?=\s*[,.;(]|\s+(?:in|at|who|that|with)\b|\s*$)", re.IGNORECASE),
    # "customers (independent gyms) keep asking ...": who the customers are, in the brackets.
    re.compile(r"\b(?:customers|users|clients|buyers)\s*\((?P<who>[a-z][\w+&' -]{2,60}?)\)", re.IGNORECASE),
    # "Bookkeepers who serve market traders keep telling us ...": a group a "who" clause is about.
    re.compile(rf"^(?:(?:so|and|but|ok)\s+)?(?!(?:for|with|to|from|at|in|on|by|the|our)\b)"
               rf"(?P<who>(?:[\w+&-]+\s+){{0,2}}?(?:{_ROLE_NOUNS}|{_PEOPLE_ERS}))\s+who\b",
               re.IGNORECASE),
    # "the thing with small vineyards is they can't find pickers": whose trouble the speaker describes.
    re.compile(rf"\bthe\s+(?:thing|problem|issue|trouble)\s+with\s+(?P<who>(?:[a-z+&-]+\s+){{0,3}}?"
               rf"(?:{_ROLE_NOUNS}|{_PEOPLE_ERS}))\s+is\b", re.IGNORECASE),
    # "the market women in Makola keep telling me the same thing": who keeps asking for it.
    re.compile(rf"^(?:(?:guys|so|ok|and),?\s+)?(?:the\s+)?(?P<who>(?:[a-z+&-]+\s+){{0,2}}?(?:{_ROLE_NOUNS}|"
               rf"{_PEOPLE_ERS}|women|men))(?:\s+(?:in|at|of|from)\s+[A-Z][\w'’-]*)?\s+keeps?\s+"
               rf"(?:telling|asking|saying|complaining|mentioning)\b", re.IGNORECASE),
    # "parents of 2-4 yr olds, 3 in 5 say early waking is ...": a group, then the share of it that says so.
    re.compile(rf"^(?P<who>(?:[a-z+&-]+\s+){{0,2}}?(?:{_ROLE_NOUNS})(?:\s+(?:of|with|in)\s+[^,;.]{{2,30}}?)?),\s+"
               rf"\d+\s*(?:in|of|out of|/)\s*\d+\s+(?:say|said|report|reported|have|had|told)\b", re.IGNORECASE),
    # "9 agency coordinators interviewed in Nottingham": who the notes heard from.
    # (two words at least: "9 owners interviewed" says less than a title "calls — laundromat owners")
    re.compile(rf"(?:^|:\s+)\d+\s+(?P<who>(?:[a-z+&-]+\s+){{1,2}}?(?:{_ROLE_NOUNS}|{_PEOPLE_ERS}))\s+"
               rf"(?:interviewed|surveyed|visited|spoken to|called)\b", re.IGNORECASE),
    # "4 of 6 parents we interviewed": who the notes' evidence comes from.
    re.compile(rf"\b(?:the\s+)?(?P<who>(?:[a-z+&-]+\s+){{0,2}}?(?:{_ROLE_NOUNS}))\s+(?:we|I)\s+(?:interviewed|"
               rf"surveyed|spoke (?:to|with)|talked (?:to|with)|met|visited|called)\b"),
]
_LEADING_ROLE = re.compile(rf"^(?!(?:for|with|from|to|at|in|on|about|the|our|a|an|this|that|talked|spoke|spoken|met|"
                           rf"interviewed|called|visited|surveyed|asked|emailed)\b)"
                           rf"(?:[\w+&-]+\s+){{0,3}}(?:{_ROLE_NOUNS})\b(?![^,;(]*\b(?:is|are|was|were|spend|spends|"
                           rf"have|has|do|does|want|said)\b)", re.IGNORECASE)
_AUXILIARY = (r"(?:cannot|can'?t|can|don'?t|doesn'?t|won'?t|do|does|did|will|would|should|must|may|might|are|is|"
              r"were|was|have|has|had|never|still|often|always|usually|spend|lose|waste|wait|get|need|want)\b")
_DETERMINER = r"(?:the|our|a|an|their|my|his|her|your)\b"
# A problem line that opens with the people who have it, then what they do or suffer; "customers"
# and "users" say nothing about who they are.
PROBLEM_SUBJECT = re.compile(
    # ("our field techs drive to sites ...": an internal tool's users are its customer)
    rf"^(?:the\s+|(?i:our)\s+)?(?:(?:many|most|some|all)\s+)?"
    rf"(?P<who>(?:(?!customers\b|users\b|people\b|we\b|they\b|the\b|our\b|my\b|their\b|an?\b|one\b|each\b|"
    rf"every\b|nobody\b|everyone\b|everybody\b|someone\b|somebody\b|anyone\b|no\b)"
    rf"[a-z][\w+&-]*\s+){{0,2}}"
    rf"(?!customers\b|users\b|people\b)(?:{_ROLE_LIKE})"
    # "nurses on night shift" keeps its phrase; "teachers at our partner schools" is "teachers"
    rf"(?:\s+(?:on|in|at|of|with)\s+(?-i:(?!{_DETERMINER})(?:[a-z][\w-]*|[A-Z]{{2,5}}(?=\s+[a-z]))"
    # ("compliance officers at mid-size EU fintechs": an acronym inside the phrase is part of it)
    # (not past a verb and the words after it: "Patients on long-term medication re-order by phoning")
    rf"(?:\s+(?!{_AUXILIARY}|(?:in|on|at|from|across)\s+[{UPPER}]|(?:by|to|for|through|via|because|when|while|than"
    rf"|who|that|which|re-[a-z]+)\b)(?:[a-z][\w-]*|[A-Z]{{2,5}}(?=\s+[a-z]))){{0,3}}))?"
    # "Small bakeries in Hobart throw out ...", "riders at bike-share schemes in Lyon find ...": where the group is
    # ("Residents of Ward 7 wait 3 weeks ...": a numbered place)
    rf"(?:\s+(?:in|on|at|from|across|of)\s+(?-i:[{UPPER}][{LOWER}'’-]+(?:\s+(?:[{UPPER}][{LOWER}'’-]+|\d{{1,4}}\b))?))?)"
    rf"(?:\s+(?:on|in|at|of|with)\s+{_DETERMINER}\s+[\w-]+(?:\s+(?!{_AUXILIARY})[\w-]+)?)?"
    rf"(?:\s+\([^)]{{1,60}}\))?"  # "Small water utilities (under 20,000 connections) still read ..."
    rf"(?:,\s+[^,.;]{{3,60}},(?:\s+they)?)?"  # "Hobby beekeepers, like people with ten hives, they open ..."
    # what a group does: a plural subject's verb has no -s ("nurses on night shift swap shifts", not
    # "nurses on night shift swap" doing "shifts")
    rf"\s+(?!(?:of|in|at|on|for|with|and|or|who|through|to|from|by|into|across|over|under|about|after|before|"
    rf"during|per|via|because|when|while|until|than|like|as|who|that|which|out|up|down|off|away|back)\b)"
    rf"(?-i:(?![A-Z]{{2,}}\b))(?:re-)?(?:[a-z]*ss|[a-z]*[a-rt-z])\b",  # (an acronym, "EU", is no verb; "re-order" is)
    re.IGNORECASE)
_PEOPLE_DOING = re.compile(rf"(?:(?:{_ROLE_NOUNS}|{end_users_pattern()})|[A-Z][a-z]+ (?:{_ROLE_NOUNS}))\s+"
                           rf"(?!(?:of|in|at|on|for|with|and|or|"
                           rf"who|are|is|were|was|will|would|could|might|may|should|love|loved)\b)[a-z]+\b",
                           re.IGNORECASE)  # what people do, not what we predict they will ("Users will love it")


def opens_with_people_doing(text: str) -> bool:
    """"Nurses post a shift, ...", "Charge nurses approve ...": a scene with people as its subject."""
    return bool(_PEOPLE_DOING.match(text))


# "we want to build PrepCast", "introducing Keepr": a made-up word the team builds.
BUILD_NAME = re.compile(r"\b(?i:(?:we|we'd|we'll|we\s+(?:could|would|will|want\s+to|plan\s+to))\s+"
                         r"(?:build|launch|ship|make)(?:\s+is)?|we\s+(?:built|launched|shipped|made|created)|building|launching|"
                         # "so what I want to do is PlotQueue, ...", "what we'd build is ..."
                         r"what\s+(?:I|we)(?:'d|\s+would)?\s+(?:want\s+to\s+|like\s+to\s+|plan\s+to\s+)?"
                         r"(?:do|build|make|launch)\s+is|"
                         # ("Ship **ClearCheck**: ...", an issue's imperative)
                         # ("My notes after: build MillSlot, farmers pick ...": the same after a label)
                         r"introducing|(?:^|:\s*)(?i:ship|build))\s+[*_]{0,2}(?P<name>[A-Z][^\W_]+)\b")
# "working title: snag" names it as written, lower case and all; "called Tally" needs its capital
# ("a file called notes" names nothing).
PRODUCT_NAME = re.compile(r"\b(?:(?i:working name|working title|code ?name|product name)(?:[:\s]+(?:is|will be|=)\b)?"
                          r"[:\s]+[\"“']?(?P<labelled>[A-Za-z][\w-]+(?:\s+[A-Z][\w-]+)?)|"
                          r"(?i:called|named|calling it|call it|naming it|name is|dubbed|(?:been|we're|we are|i'm)\s+"
                          r"calling)(?:[:\s]+(?:is|will be|=)\b)?"
                          r"[:\s]+[\"“']?(?P<called>[A-Z][\w-]+(?:\s+[A-Z][\w-]+)?)|"
                          # "Kickoff Sheet (name agreed with Callum)", "Vowbook (working name)"
                          r"(?P<bracketed>(?!(?i:prfaq|pr|faq|press|draft)\b)[A-Z][\w-]+(?:\s+[A-Z][\w-]+)?)[\"”']?\s*"
                          r"\((?i:(?:working |product |code ?)?(?:name|title)|codename)\b|"
                          # "We therefore propose Runway, a 13-week cash forecast", "The app, WG-Kasse, connects"
                          # ("we're pivoting the kitchen display product into Prepline, a prep-list planner")
                          r"(?i:propose|proposing|introduce|introducing|(?:pivot|turn|rebrand|renam)\w*\b[^.,;\n]{0,50}?"
                          r"\binto|(?:the|our|this|a new) (?:app|tool|service|"
                          r"product|platform|bot|assistant))(?:\s+is)?\s*,?\s+[\"“']?(?P<appositive>[A-Z][\w-]+(?:\s+[A-Z][\w-]+)?)"
                          r"[\"”']?,\s|"
                          # "The service we agreed to describe is Resa Enkelt:"
                          r"(?i:the|our) (?i:app|tool|service|product|platform)\b[^.,:;\n]{0,40}?\bis\s+[\"“']?"
                          r"(?P<described>[A-Z][\w-]+(?:\s+[A-Z][\w-]+)?)[\"”']?\s*(?:[:—–]|\s-\s|,\s(?:a|an)\s)|"
                          # "\"Gota\" app: book a slot ...": a quoted name before the kind of thing it is
                          r"[\"“](?P<quoted>[A-Z][\w-]+(?:\s+[A-Z][\w-]+)?)[\"”]\s+(?i:app|tool|bot|platform|service|"
                          r"product|assistant|device|sensor|kit)\b|"
                          # "The concept: Pillpost.", "the idea is Cuewise which snaps ...": a name the
                          # idea is given mid-prose, when it stands alone or is a coinage (checked by the caller)
                          # ("the cold room idea — CoolStall. shared solar cold room ...", "Our idea, SitSafe: ...")
                          r"\b(?i:the|our)\s+(?:[a-z][\w-]*\s+){0,3}?(?i:concept|idea|product|app)"
                          r"(?:\s*[:—–,]|\s+-|\s+is(?:\s+called)?)\s+[\"“']?"
                          r"(?P<concept>[A-Z][\w-]+)[\"”']?(?=[.;:—–]|\s+-\s|,?\s+(?:which|that|a|an|for)\b)|"
                          # "Decision: go ahead with Nestbook — parents book ...": the option the meeting chose
                          r"(?i:go(?:ing)?\s+ahead\s+with|decided\s+on|agreed\s+on|settled\s+on)\s+"
                          r"(?P<decided>[A-Z][\w-]+)(?=\s*[—–:]|\s+-\s|,\s|\.)|"
                          # "Jonas suggested "Droptag", everyone agreed"
                          r"(?i:suggested|proposed|went with|settled on|agreed on|picked)\s+[\"“']"
                          r"(?P<suggested>[A-Z][\w-]+)[\"”'])")


def product_name_in(match: re.Match[str]) -> str:
    """The name a PRODUCT_NAME match gives."""
    return match.group("labelled") or match.group("called") or match.group("bracketed") or \
        match.group("appositive") or match.group("described") or match.group("quoted") or match.group("suggested") or \
        match.group("concept") or match.group("decided")


_ROLE_WORDS = re.compile(r"\b(?:owner|manager|engineer|lead|founder|person|director|analyst|head|ceo|cto|vp|"
                         r"admin|nurse|doctor|teacher|buyer|member|user|customer|one|someone|a|an|the)\b", re.I)
_PLACE = re.compile(rf"\b(?:in|at|from|near|across)\s+(?P<place>[{UPPER}][{LOWER}]+(?:\s+(?:[{UPPER}][{LOWER}]+|"
                    rf"state|county|area))*(?:(?:,\s*|\s+and\s+)[{UPPER}][{LOWER}]+)*)(?![\w'’-])")
_MONTH_NAME = r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|" \
              r"oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|spring|summer|fall|autumn|winter|monday|tuesday|wednesday|" \
              r"thursday|friday|saturday|sunday"
_PARENTHETICAL = re.compile(r"\s*\((?P<detail>[^)\n]{2,120})\)")
_QUOTE_START = re.compile(r"\s*[\"“]")
_DASH_ATTRIBUTION = re.compile(r"\s*[—–-]+\s*(?P<detail>[^\n]{2,120})")
# A capitalised word right after "in", "at", "from" is a place ("a student from Leipzig said", "her flat
# is in Ward 7 — she said"): never who speaks.
# (nor the last word of a business's name: "guy at Chesapeake Kite & Sail said" is no "Sail")
_NOT_AFTER_A_PLACE_WORD = r"(?<!\bin )(?<!\bat )(?<!\bfrom )(?<!\bnear )(?<!\bnach )(?<!\baus )(?<!& )(?<!\+ )"
_SAID_BEFORE = re.compile(_NOT_AFTER_A_PLACE_WORD +
                          r"(?!(?:One|Someone|Everyone|Nobody|She|He|They|We|It|This|That|Another|Two|Three|Both|"
                          r"Most|Many|Some|All)\b)(?P<who>(?:(?:Dr|Mr|Ms|Mrs|Prof|Chef)\.?\s+)?[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2}"
                          r"(?:\s+(?:at|from|of)\s+[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3})?)"
                          # ("Ben Ode of Ode Coffee, said", "Dr Hannah Patel at Kirkstall Dental, who said")
                          r",?\s+(?:who\s+)?(?:said|says|told (?:us|me)|put it)[:,]?\s*$")


class NoteSpan(BaseModel):
    """A slice of the notes: `text == notes.text[start:end]`."""

    text: str
    start: int
    end: int
    line: int


class Statement(NoteSpan):
    """One line of the notes (a bullet, a labelled field, a sentence), without its bullet or label."""

    label: str | None = None  # the label as written ("Price we are thinking about")
    topic: Topic | None = None  # what the label says the line is about
    topics: list[Topic] = Field(default_factory=list)  # what the words say it is about
    quote_only: bool = False  # the line is a quotation and nothing else

    def about(self, topic: Topic) -> bool:
        return self.topic == topic or topic in self.topics


class NumberFact(NoteSpan):
    kind: ClaimKind
    context: str  # the statement the number sits in


class QuoteFact(NoteSpan):
    """A quotation in the notes, the words between the marks, with who said it when the notes say."""

    speaker: str | None = None  # a person's name ("Priya")
    detail: str | None = None  # their role as the notes put it ("owner, two stores, Tacoma")

    @property
    def attribution(self) -> str | None:
        parts = [p for p in (self.speaker, self.detail) if p]
        return ", ".join(parts) if parts else None


class Person(BaseModel):
    name: str
    title: str | None = None
    source: NoteSpan


class Facts(BaseModel):
    statements: list[Statement] = Field(default_factory=list)
    customer: str | None = None
    customer_source: NoteSpan | None = None
    interviewees: list[str] = Field(default_factory=list)  # "Priya, data engineer at a 40-person startup"
    product_name: str | None = None
    product_name_is_working: bool = False
    leader: Person | None = None
    numbers: list[NumberFact] = Field(default_factory=list)
    quotes: list[QuoteFact] = Field(default_factory=list)
    launch_date: NumberFact | None = None
    launch: Statement | None = None  # the line that says when and where it launches
    launch_places: list[NoteSpan] = Field(default_factory=list)  # "Austin", "Denver": where it launches
    people: list[str] = Field(default_factory=list)  # named in the notes: speakers, interviewees, the leader
    places: list[NoteSpan] = Field(default_factory=list)  # "in Washington state", "Tacoma"
    instructions: list[NoteSpan] = Field(default_factory=list)  # text that reads like orders to a model
    words: int = 0

    def about(self, topic: Topic) -> list[Statement]:
        return [s for s in self.statements if s.about(topic)]

    def labelled(self, topic: Topic) -> list[Statement]:
        return [s for s in self.statements if s.topic == topic]


def _span(notes: Document, start: int, end: int) -> NoteSpan:
    span = notes.span(start, end)
    return NoteSpan(text=span.text, start=span.start, end=span.end, line=span.line)


def label_topic(label: str) -> Topic | None:
    lowered = label.lower().replace("_", " ").strip()  # "launch_city", as a key=value line writes it
    lowered = foreign_labels().get(lowered, lowered)  # "precio", "quién": the English label (words.yaml)
    if mixed_label(lowered):
        # "PRICE / WHEN / WHERE", "Pricing & launch": a section holding several parts; each line
        # under it is placed by what it says, not all by the first part's name.
        return None
    if {"risks", "open"} <= {_one_label_topic(part) for part in re.split(r"\s*(?:/|&|\+|\band\b)\s*", lowered)}:
        return "risks"  # "Risks / open questions", "Open questions & risks"
    return _one_label_topic(lowered)


def _field_topic(label: str, value: str) -> Topic | None:
    """What a labelled line is about: its label's topic, unless the label is "Target" and the line
    names a launch ("Target: launch in Portland, Maine for the May 2028 season"), not a customer."""
    topic = label_topic(label)
    if topic == "customer" and re.fullmatch(r"(?i)\s*targets?\s*", label) and (CUES["launch"].search(value) or
                                                                              _STARTS_AT.match(value) or
                                                                              _STARTS_WHEN.match(value)):
        return "launch"  # ("Target: Glasgow, August 2027", "Target: mid-Oct 2027 in Porto": where and when, not who)
    if topic is None and re.fullmatch(r"(?i)\s*(?:start|starting|begin|kick-?off)\s*", label) and \
            _STARTS_AT.match(value):
        return "launch"  # "Start: Düsseldorf-Altstadt, Mai 2027, 30 Büdchen": where and when it starts
    return topic


# A place first, then (after a comma) a date: "Düsseldorf-Altstadt, Mai 2027", "Ikeja, Feb 2027".
_STARTS_AT = re.compile(rf"\W*(?:in\s+|at\s+|with\s+)?[{UPPER}][{LOWER}]+(?:[ -][{UPPER}][{LOWER}]+)*\s*,?\s+"
                        rf"(?:(?:from|in|on|by)\s+)?(?:\d|(?i:{_MONTH_NAME})|[{UPPER}][{LOWER}]+\s+\d{{4}})")


# A date first: "mid-Oct 2027 in Porto", "Q3 2027, Leeds", "Sept '27".
_STARTS_WHEN = re.compile(rf"(?i)\W*(?:(?:early|mid|late|end of)[- ]?)?(?:{_MONTH_NAME}|q[1-4]|h[12]|spring|summer|"
                          r"autumn|fall|winter)\.?,?\s+(?:\d{1,2}(?:st|nd|rd|th)?,?\s+)?(?:\d{4}|['’]\d\d)\b")


def mixed_label(label: str) -> bool:
    """A label naming two or more parts of a PR/FAQ ("Price / when / where")."""
    parts = [part for part in re.split(r"\s*(?:/|&|\+|\band\b)\s*", label.lower().strip()) if part]
    topics = {_one_label_topic(part) for part in parts} - {None}
    # ("Risks / open questions": one part of a PR/FAQ, the internal FAQ's risks, under two names)
    return len(parts) > 1 and len(topics) > 1 and not topics <= {"risks", "open"}


def _one_label_topic(lowered: str) -> Topic | None:
    if lowered and all(char in SIGNS for char in lowered):
        return "price"  # "$: 29/mo", "$$: $29/mo buyer sub + 6% per order"
    if len(lowered.split()) > 6:
        return None
    for topic, pattern in _LABEL_TOPICS:
        if pattern.search(lowered):
            return topic
    return None


def _cue_topics(text: str) -> list[Topic]:
    return [topic for topic, pattern in CUES.items() if pattern.search(text)]


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in " \t*_`>":
        start += 1
    while end > start and text[end - 1] in " \t*_`":
        end -= 1
    return start, end


def _lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of every line, without its line break."""
    spans, offset = [], 0
    for raw_line in text.splitlines(keepends=True):
        spans.append((offset, offset + len(raw_line.rstrip("\r\n"))))
        offset += len(raw_line)
    return spans


# "**Idea:** ShelfSense", and Jira's or Slack's single-mark bold "*Who:* fleet managers".
_BOLD_LABEL = re.compile(r"^(?:\*\*|__|\*|_)(?P<label>[A-Za-z][A-Za-z0-9 /&'’()+-]{0,48}?)\s*"
                         r"(?::\s*(?:\*\*|__|\*|_)|(?:\*\*|__|\*|_)\s*:)"
                         r"(?:\s+(?P<rest>\S.*))?\s*$")
# "Product idea - a scheduling assistant": a label set off by a dash, when it names a part of a PR/FAQ.
_DASH_LABEL = re.compile(r"^(?P<label>[A-Za-z][A-Za-z ]{1,30}?)\s+[-–—]\s+(?P<rest>\S.*?)\s*$")
_DASH_LABEL_TOPICS = {"idea", "problem", "price", "launch", "customer", "risks", "dependencies", "leader", "name",
                      "not_doing", "market", "open"}


# "price $9/mo after a trial", "pricing free for 3 users": a price label written without its colon.
_PRICE_WORD_LABEL = re.compile(rf"^(?P<label>(?i:price|pricing))\s+"
                               rf"(?P<rest>(?:{money_pattern()}|\d|(?i:free)\b).*?)\s*$")
_ARROW_LABEL = re.compile(r"^(?P<label>[A-Za-z][A-Za-z ]{1,30}?)\s*(?:->|=>|→)\s*(?P<rest>\S.*?)\s*$")  # "idea -> X"
# "name  MedNudge", "cust  owners of ...": a short label set off by a run of spaces or a tab.
_SPACED_LABEL = re.compile(r"^(?P<label>[A-Za-z]{2,12}(?: [A-Za-z]{2,12})?)(?: {2,}|\t+)(?P<rest>\S.*?)\s*$")
# "Customer = small heat pump installers": a key and its value.
# ("launch_city=Brno": a config file's key, its words joined by underscores)
_EQUALS_LABEL = re.compile(r"^(?P<label>[A-Za-z][A-Za-z_ /&'’-]{1,30}?)\s*=\s*(?P<rest>[^=\s].*?)\s*$")
# A page's properties pasted as rows of two cells ("Target city | Osaka", "Price | ¥800 per machine").
_PROPERTY_ROW = re.compile(r"^\|?\s*(?P<label>[A-Za-z][A-Za-z /&'’-]{1,30}?)\s*\|\s*(?P<rest>[^|\s][^|]*?)\s*\|?\s*$")
# "$: free for buyers, ...", "$$: $29/mo buyer sub", and "#s:" (the numbers)
_CURRENCY_LABEL = re.compile(rf"^(?P<label>[{SIGNS}]{{1,3}}|#s)\s*[:~=]\s*(?P<rest>\S.*?)\s*$")
# "[WHO] driving schools in İzmir", "[PAIN] ...", "[NAME?] still nothing": a tag in brackets as the label.
_BRACKET_LABEL = re.compile(r"^\[(?P<label>[A-Za-z][A-Za-z /&'’-]{0,30}?)\??\]\s*:?\s*(?P<rest>\S.*?)?\s*$")


# A deck outline's "Slide 2, problem: ...": the slide's number is not part of what it says.
_SLIDE_PREFIX = re.compile(r"\s*(?:slide|page|section)\s*\d{1,2}\s*[,:.–—-]\s*", re.IGNORECASE)
# A chat transcript's line: a time ("[10:02]", "10:02 AM") and the name of who typed it ("maya:").
_CHAT_PREFIX = re.compile(r"\s*(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\.?,?\s+)?"
                          r"[\[(]?(?:\d{1,2}/\d{1,2}/\d{2,4},?\s*)?\d{1,2}:\d{2}(?::\d{2})?\s*(?:[AaPp]\.?[Mm]\.?)?[\])]?\s*[-–—]?\s*"
                          r"(?:<?@?[A-Za-z][\w.'-]{0,29}(?:\s+[A-Z][\w.'-]{0,29}){0,2}>?\s*:\s+)?"
                          r"(?:(?:ok|okay|so|right|yeah|yes|and|basically)\b[,.:]?\s+)*", re.IGNORECASE)


# A chat export's message header on a line of its own, the words on the lines below it: Slack's
# "**Aoife Byrne** 9:14 AM", Discord's "Aoife Byrne — Today at 9:14 AM", Teams' "[9:14 AM] Aoife Byrne".
# Who wrote and when says nothing about the product (it was read as The problem).
_CHAT_NAME = r"(?:\*\*|__)?[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,2}(?:\*\*|__)?"
_CHAT_TIME = r"\[?(?:(?:Today|Yesterday)\s+at\s+)?\d{1,2}:\d{2}(?:\s*[AaPp]\.?[Mm]\.?)?\]?"
_CHAT_HEADER = re.compile(rf"^\s*(?:{_CHAT_NAME}\s*[,·|–—-]?\s*{_CHAT_TIME}|{_CHAT_TIME}\s*{_CHAT_NAME})\s*$")


def _agenda_title(bullet: str, bare: str, text: str, line_end: int) -> bool:
    """"1. Crèche booking problem" with "Priya presented: ..." on the line below: a numbered agenda
    item's title (a few words, no figure, no punctuation), not a note; in a numbered list of notes
    ("1. no-shows" / "2. paper diary") the next line is numbered too."""
    if not re.match(r"\s*\d{1,2}[.)]\s", bullet) or len(bare.split()) > 4 or \
            not re.fullmatch(r"[^\W\d][\w '’&/-]*", bare):
        return False
    next_end = text.find("\n", line_end + 1)
    following = text[line_end + 1: next_end if next_end >= 0 else len(text)]
    # ("1. Problem recap" with its notes as sub-items below, "   - compliance officers ...")
    nested = re.match(r"(?P<indent>\s+)(?:[-*•+]|\d{1,2}[.)])\s", following)
    deeper = nested is not None and len(nested.group("indent")) > len(bullet) - len(bullet.lstrip())
    return re.match(r"[^\s\d>*•+-]", following) is not None or deeper


def _field_label(content: str) -> re.Match[str] | None:
    """"Price: $49", "**Idea:** ShelfSense", "Product idea - a scheduling assistant", "price $9/mo":
    the label and the rest."""
    match = _LABEL.match(content) or _BOLD_LABEL.match(content) or _PRICE_WORD_LABEL.match(content) or \
        _CURRENCY_LABEL.match(content) or _ARROW_LABEL.match(content) or _PROPERTY_ROW.match(content)
    if match and not re.search(r"[\"“]", match.group("label")) and len(match.group("label").split()) <= 6:
        return match
    spaced = _SPACED_LABEL.match(content) or _EQUALS_LABEL.match(content) or _BRACKET_LABEL.match(content)
    if spaced and label_topic(spaced.group("label")) is not None:
        return spaced
    dashed = _DASH_LABEL.match(content)
    if dashed and len(dashed.group("label").split()) <= 3 and label_topic(dashed.group("label")) in _DASH_LABEL_TOPICS:
        return dashed
    queried = _QUERIED_LABEL.match(content)
    if queried and label_topic(queried.group("label")) is not None:
        return queried
    return None


# A one-word label asked rather than settled: 'name?? "Warmly" (Tom likes it)', "price? £49/valve"
_QUERIED_LABEL = re.compile(r"(?i)^(?P<label>name|working name|price|pricing|launch|leader|owner|customer|who|when|"
                            r"where)\s*\?{1,3}\s+(?P<rest>\S.*?)\s*$")


_CHOSEN_ROW = re.compile(r"(?i)^\W*(?:go|yes|chosen|selected|picked|winner|build(?: it)?|approved|✅)\W*$")


def _one_option(statements: list[Statement], rows: list[list[Statement]]) -> list[Statement]:
    """A table whose rows each name a product is a list of options ("Ledgerly | ... | GO",
    "Tontine Pay | ... | parked"): the notes are about the row marked as chosen, else the first;
    the other rows' cells are not this product's facts."""
    named = [row for row in rows if any(cell.topic == "name" for cell in row)]
    if len(named) < 2:
        return statements
    chosen = next((row for row in named if any(_CHOSEN_ROW.match(cell.text) for cell in row)), named[0])
    dropped = {id(cell) for row in named if row is not chosen for cell in row}
    return [statement for statement in statements if id(statement) not in dropped]


# A table cell naming one person: "Gary, ADI 12 yrs", "Priya (owner)", "Mark".
_A_PERSON_CELL = re.compile(rf"[{UPPER}][{LOWER}]+(?:\s+[{UPPER}][{LOWER}'’-]+)?\s*(?:,|\(|$)")


def _cell_topic(header: str, cell: str) -> Topic | None:
    """What a table cell is about: its column's topic; a made-up word alone in a column that is
    not a known part ("Opportunity", "Idea name") is a product's name ("Ledgerly")."""
    topic = label_topic(header)
    if topic == "customer" and _A_PERSON_CELL.match(cell) and not re.match(rf"(?i)(?:{_ROLE_NOUNS})\b", cell):
        return "interviewee"  # "| Gary, ADI 12 yrs |" under "Who": a person heard, not the kind of customer
    if topic in (None, "problem", "idea", "title") and re.fullmatch(r"[A-Z][\w-]+(?: [A-Z][\w-]+)?", cell.strip()) and \
            coined(cell.split()[0]):
        return "name"
    return topic


def _speaker_label(label: str, speakers: set[str]) -> bool:
    """"Raj:", "Priya Shah:" opening a line of meeting notes: a person speaking, when the notes list
    them as attendees. (Not any capitalised word: "ShelfSense: counts stock" names the product.)"""
    return label in speakers or label.split()[0] in speakers


def _decoration(char: str) -> bool:
    """An emoji or pictograph (and the joiners and variation selectors that build one) or a space,
    as Notion and chat tools put in front of a line; a currency sign is money, not decoration."""
    import unicodedata

    category = unicodedata.category(char)
    return char in " \t\u200d\ufe0f" or category == "So" or category == "Sk" and char not in "^`"


def _carries_value(line: str) -> bool:
    """A short line that holds a value, not only a section's label: "working name Ringside" names
    the product ("Ringside" is no label word), where "Key Risks" or "Open Questions" head a section.
    A capitalised word after the first that is no label word on its own, or a digit, is a value."""
    from assistant.clarity.lexicon import zipf

    words = line.split()
    return any(re.search(r"\d", word) or word[:1].isupper() and not line.isupper() and label_topic(word) is None
               and (coined(word) or zipf(word.lower()) < 4.0) for word in words[1:])  # "What We Heard" heads


def _bold_line(content: str) -> bool:
    """A line that is all bold ("**Unique Value Proposition**"): a heading, as Notion and docs write one."""
    return re.fullmatch(r"\s*(\*\*|__)[^*_\n]+\1\s*", content) is not None


# "Caller: we throw out 15% ...", "Me: how often?": a turn of a call written as "who: words".
_TURN_LINE = re.compile(r"^\s*(?:[-*•]\s+)?(?:\[?\d{1,2}:\d{2}(?::\d{2})?\]?\s+)?"
                        r"(?P<who>[A-Z][\w'’.-]*(?:\s[A-Z][\w'’.-]*){0,2})\s*:\s+(?P<rest>\S.*)$")
# Our side of a call: the one asking ("Me:", "Interviewer:", "Sales:", "Us:").
_OUR_SIDE = re.compile(r"(?i)^(?:interviewer|me|us|we|i|host|moderator|facilitator|researcher|sales|founder|pm)$")
# The customer's side named by a role, not a name ("Caller:", "Customer:"): no name to print.
_INTERVIEWER_WORD = re.compile(r"(?i)^(?:interviewer|host|moderator|facilitator|researcher)$")
_ROLE_SPEAKER = re.compile(r"(?i)^(?:caller|customer|client|owner|manager|guest|user|prospect|buyer|them|they|"
                           r"interviewee|respondent|participant|patient|parent|lead|contact)(?:\s+\d+)?$")


def transcript_sides(text: str) -> tuple[set[str], set[str]]:
    """A call written down turn by turn ("Me: ..." / "Caller: ..."): (our labels, theirs). Both
    sides must speak at least twice, and ours is one that asks ("Me", "Interviewer"); else no
    transcript (a team's chat, "Dan: ...", "Maya: ...", is all ours and reads as notes)."""
    counts: dict[str, int] = {}
    for line in text.split("\n"):
        turn = _TURN_LINE.match(line)
        who = turn.group("who") if turn else ""
        # ("Customer:", "Owner:", a "Sam:" that is no SAM: one capitalised word may be a speaker's label)
        if turn and (label_topic(who) is None or re.fullmatch(r"[A-Z][a-z]+", who) and
                     label_topic(who) in ("customer", "other", "market", "launch")) and \
                not re.fullmatch(r"(?i)q|a|question|answer", who):
            counts[turn.group("who")] = counts.get(turn.group("who"), 0) + 1
    # (an interviewer who asks once, "Interviewer: we're thinking of a tool that ...", between a
    # customer's turns, is still the interviewer: the word says so)
    ours = {who for who, n in counts.items() if (n >= 2 or _INTERVIEWER_WORD.match(who)) and _OUR_SIDE.match(who)}
    theirs = {who for who, n in counts.items() if n >= 2 and who not in ours}
    if not ours or not theirs:
        return set(), set()
    return ours, theirs


def turn_speaker(who: str) -> tuple[str | None, str | None]:
    """Who a turn's label names: a person ("Sam"), or only a role ("Caller" -> no name, "caller")."""
    return (None, who.lower()) if _ROLE_SPEAKER.match(who) else (who, None)


# Parts of a PR/FAQ that take several lines (a problem's evidence, a launch's place and date);
# the customer, the name and the leader are one each.
_SEVERAL_LINES: set[Topic | None] = {"problem", "launch", "risks", "dependencies", "open", "price", "budget",
                                     "evidence", "heard", "not_doing", "privacy", "getting_started"}


def read_statements(notes: Document) -> list[Statement]:
    """Each non-empty line as a statement. A label with nothing after it ("Problem:") labels the
    lines below it, up to the next blank line."""
    text = notes.text
    statements: list[Statement] = []
    block: tuple[str, Topic | None] | None = None
    heading_block: tuple[str, Topic | None] | None = None  # a heading labels its section, blank lines and all
    columns: list[str] = []  # a Markdown table's header cells, which label the cells below them
    rows: list[list[Statement]] = []  # the rows of every table read, each a list of its cells
    speakers: set[str] = set()  # a meeting's attendees ("Attendees: Raj, Mei, Tom")
    question: tuple[str, Topic | None] | None = None  # the last "Q:" line, which labels the "A:" after it
    ours, theirs = transcript_sides(text)  # a call written turn by turn: the labels are who speaks
    first = True  # the notes' first line, which may be their title
    for line_start, line_end in _lines(text):
        line = text[line_start:line_end]
        if not line.strip():
            block = heading_block
            columns = []
            continue
        opening, first = first, False
        if opening and _notes_title(line):
            # "grainpost -- notes (dump after call w/ Jess)", "Sproutly: interview synthesis, round 1":
            # what the notes are, not a fact about the product (a name in it is still read as one)
            start, end = _trimmed(text, line_start, line_end)
            statements.append(_statement(notes, start, end, "title", "title"))
            continue
        if _TABLE_ROW.match(line) or "\t" in line and line.strip() and _TSV_ROW.match(line):
            cells = _cells(text, line_start, line_end)
            if not columns:
                columns = [text[a:b] for a, b in cells]
            elif len(cells) >= 2 and len(columns) >= 2 and label_topic(columns[0]) in (None, "title") and \
                    label_topic(text[cells[0][0]:cells[0][1]]) not in (None, "title"):
                # "| Field | Value |" over "| Customer | plumbers |": a page's properties, each row
                # labelled by its first cell, as "Customer: plumbers" would be. A sheet's further
                # column ("field / value / notes": "launch | June 2027 | Bolzano first") says more of
                # the same part, when the part holds several lines; else it is placed by its words.
                key = text[cells[0][0]:cells[0][1]]
                statements.append(_statement(notes, *cells[1], key, label_topic(key)))
                for (a, b), header in zip(cells[2:], columns[2:], strict=False):
                    if b > a:
                        more = label_topic(key) in _SEVERAL_LINES
                        statements.append(_statement(notes, a, b, key if more else header,
                                                     label_topic(key) if more else None))
            elif not all(_TABLE_RULE.fullmatch(text[a:b]) for a, b in cells):
                # "| 1 in 4 bookings paid late | Card payment when you book |" under "| Problem | Idea |"
                row = [_statement(notes, a, b, header, _cell_topic(header, text[a:b]))
                       for (a, b), header in zip(cells, columns, strict=False) if b > a]
                statements.extend(row)
                rows.append(row)
            continue
        if _CSV_HEADER.match(line):
            start, end = _trimmed(text, line_start, line_end)
            statements.append(_statement(notes, start, end, "title", "title"))
            continue
        columns = []
        heading = _HEADING.match(line)
        if heading:
            label = _field_label(line[heading.end() :])
            block = (label.group("label"), label_topic(label.group("label"))) if label and not label.group("rest") \
                else None
            titled = line[heading.end():].strip(" *_:")
            # (words, not a "/" between them: "## Risks / open questions")
            if block is None and len(re.findall(r"[\w'’-]+", titled)) <= 3 and \
                    label_topic(titled) not in (None, "title") and \
                    not {w.lower() for w in re.findall(r"[A-Za-z]+", titled)} & _DOCUMENT_PARTS:
                block = (titled, label_topic(titled))  # "## Proposal": the section below is the idea
            heading_block = block
            start, end = _trimmed(text, line_start + heading.end(), line_end)
            while start < end and _decoration(text[start]):
                start += 1  # "# 🚲 Fleetfix — kickoff": the page's emoji says nothing
            statements.append(_statement(notes, start, end, "title", "title"))
            continue
        if _CHAT_HEADER.match(line):
            continue
        bullet = _BULLET.match(line)
        content_start = line_start + (bullet.end() if bullet else 0)
        chat = _CHAT_PREFIX.match(text, content_start, line_end) or _SLIDE_PREFIX.match(text, content_start, line_end)
        if chat:  # "[10:06] maya: ChairFill texts patients ...": the words, not the time and who typed them
            content_start = chat.end()
        while content_start < line_end and _decoration(text[content_start]):
            content_start += 1  # "👥 **For:** ...", "💡 Idea": a page's emoji marks the line, it says nothing
        content = text[content_start:line_end]
        interview = _INTERVIEW.match(content)
        if interview and not _QUOTE_START.match(interview.group("who")):
            # "Interview 1 - Priya, data engineer at ...": who the quotes below are from.
            start, end = _trimmed(text, content_start + interview.start("who"), line_end)
            statements.append(_statement(notes, start, end, content[: interview.start("who")].strip(" -—–:"),
                                         "interviewee"))
            block = None
            continue
        field = _field_label(content)
        turn = _TURN_LINE.match(content) if ours else None
        if turn and turn.group("who") in ours | theirs:
            # "Me: we'd start in Berlin in May 2027" / "Caller: we throw out about 15% ...": the words
            # said, each sentence placed by what it says; the question we asked is no fact
            if turn.group("who") in ours and asks(turn.group("rest")):
                continue
            start, end = _trimmed(text, content_start + turn.start("rest"), line_end)
            statements.extend(_statement(notes, c, d, None, None) for a, b in _sentence_spans(text, start, end)
                              for c, d in _spoken_spans(text, a, b))
            continue
        if field and not field.group("rest"):
            block = (field.group("label"), label_topic(field.group("label")))
            continue
        bare = content.strip(" *_")
        # (an agenda's numbered item, "3. Risks / actions", heads its lines like a bare "Risks" line)
        # (only a section of risks, questions or partners: under "2. Proposal" the minutes go on to the
        # price and the launch, each placed by its own words)
        agenda = bullet is not None and re.match(r"\s*\d{1,2}[.)]\s", bullet.group()) is not None and \
            (mixed_label(bare) or label_topic(bare) in ("risks", "open", "not_doing", "dependencies"))
        if (not bullet or agenda) and not field and (len(bare.split()) <= 3 and
                                                     label_topic(bare) not in (None, "title") or
                                         len(re.findall(r"[\w'’]+", bare)) <= 5 and mixed_label(bare)) and \
                re.fullmatch(r"[A-Za-z][\w /&'-]*", bare) and (not _carries_value(bare) or _bold_line(content)):
            # ("**Customer Segments**", set in bold on a line of its own, heads a section like "##" does:
            # its rarer words, "Segments", are no value)
            block = (bare, label_topic(bare))  # "Risks" on a line of its own, the bullets below it
            continue
        if not agenda and bullet is not None and not field and _agenda_title(bullet.group(), bare, text, line_end):
            # "1. Crèche booking problem" over "Priya presented: ...": an agenda item's title, not a note
            start, end = _trimmed(text, content_start, line_end)
            statements.append(_statement(notes, start, end, "title", "title"))
            next_end = text.find("\n", line_end + 1)
            following = text[line_end + 1: next_end if next_end >= 0 else len(text)]
            # "2. Proposal" over a memo's paragraph: the paragraph is the idea, as under "## Proposal"
            # (minutes under it, "Decision: ...", "Mei: €2 per booking", and sub-items are placed line
            # by line; the next agenda item ends it)
            prose = re.match(r"[^\W\d_]", following) is not None and _field_label(following.strip()) is None
            block = (bare, label_topic(bare)) if prose and len(bare.split()) <= 2 and \
                label_topic(bare) in ("problem", "idea") else heading_block
            continue
        if field and field.group("rest") and re.fullmatch(r"(?i)q|question", field.group("label")):
            # "Q: What hurts?" / "A: Culling takes 6 hours": the question says what its answer is about;
            # the question itself is ours, not a fact
            asked = field.group("rest").strip()
            question = (asked, label_topic(asked.rstrip("?")))
            start, end = _trimmed(text, content_start + field.start("rest"), line_end)
            statements.append(_statement(notes, start, end, field.group("label"), "title"))
            continue
        if field and field.group("rest") and re.fullmatch(r"(?i)a|answer", field.group("label")) and question:
            start, end = _trimmed(text, content_start + field.start("rest"), line_end)
            # ("Q: quote (from Inês, director)": a question naming who is quoted labels the answer too)
            statements.append(_statement(notes, start, end, question[0] if question[1] or
                                         _QUOTE_LABEL.search(question[0]) else None, question[1]))
            continue
        if field and field.group("rest") and \
                re.fullmatch(r"(?i)attendees|present|participants|people", field.group("label")):
            speakers.update(name.strip() for name in re.split(r",|\band\b|&", field.group("rest")) if name.strip())
        if field and field.group("rest") and not _QUOTE_START.match(field.group("rest")) and \
                _speaker_label(field.group("label"), speakers):
            # "Raj: customers keep asking for ...": what a person in the meeting said, not a label
            # (under "Action items", still an action item)
            start, end = _trimmed(text, content_start + field.start("rest"), line_end)
            statements.append(_statement(notes, start, end, block[0] if block else None, block[1] if block else None))
            continue
        if field and (label_topic(field.group("label")) or _QUOTE_START.match(field.group("rest")) or
                      _field_topic(field.group("label"), field.group("rest"))):
            # "Price: $49 ..." is about the price; "one manager: \"...\"" names who is quoted. Any
            # other "words: words" line ("things get missed: meds timing") is a statement as a whole.
            start, end = _trimmed(text, content_start + field.start("rest"), line_end)
            topic = _field_topic(field.group("label"), field.group("rest"))
            spans = _sentence_spans(text, start, end) if topic == "name" else []
            if len(spans) > 1 and re.fullmatch(r"\W*[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2}\W*", text[slice(*spans[0])]):
                # "Working title: FieldNote. Vet dictates the visit into the phone ...": the name, then
                # what it is, which belongs to the section it stands in ("Idea") or to its own words
                statements.append(_statement(notes, *spans[0], field.group("label"), topic))
                statements.extend(_statement(notes, a, b, block[0] if block else None, block[1] if block else None)
                                  for a, b in spans[1:])
                continue
            statements.append(_statement(notes, start, end, field.group("label"), topic))
            continue
        start, end = _trimmed(text, content_start, line_end)
        if block is None and (not bullet or re.fullmatch(r"\s*>[>\s]*", bullet.group())):
            # (a quoted e-mail's "> " lines are the replied-to message's prose, not bullets)
            # A paragraph of prose ("So the thing we keep hearing ... We want to build PrepCast, ...
            # We'd charge €59 a month ... First launch would be Lisbon"): each sentence is a statement
            # of its own, so the price, the launch and the idea each land in their place.
            statements.extend(_statement(notes, c, d, None, None) for a, b in _sentence_spans(text, start, end)
                              for c, d in _spoken_spans(text, a, b))
            continue
        statements.append(_statement(notes, start, end, block[0] if block else None, block[1] if block else None))
    return _one_option(_team_is_no_customer(_headers_are_no_launch(statements)), rows)


# A message's or a meeting's header: "From:", "Subject:", "Attendees:", "Minutes:" ...
_HEADER_LABEL = re.compile(r"(?i)^\W*(?:from|to|cc|bcc|subject|sent|attendees|apologies|minutes|participants|present|"
                           r"facilitator|note-?taker|organi[sz]er)\W*$")
_WHEN_WHERE_LABEL = re.compile(r"(?i)^\W*(?:date|when|where|time|location|venue|sent|place)\W*$")
HEADER_SPAN = 8  # lines: a header's fields stand together at the top


def _headers_are_no_launch(statements: list[Statement]) -> list[Statement]:
    """"Date: Mon 12 Jan 2026, 22:47" under "From:" and "To:", "Where: Paintworks Unit 4" beside
    "Attendees:": when and where the message was sent or the meeting held, not the launch."""
    headers = [s.line for s in statements if s.label and _HEADER_LABEL.match(s.label)]
    if not headers:
        return statements
    first = headers[0]
    last = max(line for line in headers if line <= first + HEADER_SPAN)
    for statement in statements:
        if statement.label and _WHEN_WHERE_LABEL.match(statement.label) and \
                first - HEADER_SPAN <= statement.line <= last + 2 and statement.topic == "launch":
            statement.topic = "title"
    return statements


# What a page of notes calls itself in its first line: "... -- notes", "interview synthesis, round 1",
# "call recap", "#proj-flood (exported 3 Jun)"
_NOTES_KIND = re.compile(r"(?i)\b(?:notes|synthesis|summary|dump|brain ?dump|recap|meeting minutes|debrief|read-?out|"
                         r"write-?up|round \d+|brainstorm|exported)\b")


def _notes_title(line: str) -> bool:
    """Is the notes' first line their title: a line of a dozen words or fewer, not a bullet nor a
    sentence that goes on, naming what kind of notes these are?"""
    bullet = _BULLET.match(line)
    if bullet is not None and bullet.group().strip() or "\t" in line or _TABLE_ROW.match(line):
        return False
    bare = line.strip()
    field = _field_label(bare.strip("*_ "))
    if field is not None and label_topic(field.group("label")) not in (None, "title"):
        return False  # "**Idea:** ShelfSense — ...": a field, whatever its words
    return len(bare.split()) <= 12 and not re.search(r"[.!?]\s+\S", bare) and _NOTES_KIND.search(bare) is not None


# "Keisha Brandt leads (product + research)": a person who leads it, named first
_PERSON_WHO_LEADS = re.compile(rf"\W*(?P<name>[{UPPER}][{LOWER}]+(?:\s+[{UPPER}][{LOWER}'’-]+){{1,2}})\s+"
                               r"(?:leads|will lead|is leading|heads|owns it|drives it)\b"
                               r"(?:\s*\((?P<what>[^()\n]{1,40})\))?")


def _team_is_no_customer(statements: list[Statement]) -> list[Statement]:
    """Under "WHO" (or "Who:") notes list the customer, or the team: "Keisha Brandt leads (product
    + research)" says who leads it, not whom it is for."""
    for statement in statements:
        if statement.topic == "customer" and _PERSON_WHO_LEADS.match(statement.text):
            statement.topic = "leader"
    return statements


# Not after a title or a common abbreviation: "Dr. Amira Shah at Riverside told me" is one sentence.
_ABBREVIATED = ("Dr", "Mr", "Ms", "Mrs", "St", "Jr", "Sr", "vs", "etc", "Inc", "Ltd", "Prof", "Co")
# (a quotation that ends its sentence, '... he said: "Some days I wait three hours." Drivers we
# surveyed ...', ends it after its closing mark)
_SENTENCE_END = re.compile("".join(rf"(?<!\b{word}\.)" for word in _ABBREVIATED) +
                           r"(?:(?<=[.!?])|(?<=[.!?][\"”]))\s+(?=[A-Z\"“])")
_QUOTED = re.compile(r"\"[^\"\n]*\"|“[^”\n]*”")


def _sentence_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The sentences of a line of prose, outside quotation marks. A short line of several sentences
    is split too ("Ana, agreed on all points. Price R$79 ... Launch in Recife, in August 2027."):
    its price and its launch are two statements, each for its own part."""
    line = text[start:end]
    quoted = [(m.start(), m.end()) for m in _QUOTED.finditer(line)]
    spans, cursor = [], 0
    for match in _SENTENCE_END.finditer(line):
        if any(a < match.start() < b for a, b in quoted):
            continue
        spans.append((start + cursor, start + match.start()))
        cursor = match.end()
    spans.append((start + cursor, end))
    return [(a, b) for a, b in spans if b > a]


# Dictated notes (a voice memo's transcript) have no full stops: one "sentence" of 150 words holds the
# problem, the name, the price and the launch. A speaker starts a new thought with a filler or a
# topic word ("so what we want to build is ...", "pricing we were thinking ...", "risks are ...",
# "Kate at Hillside says ..."); a run that long is cut before each, so every thought is a statement.
_DICTATED_WORDS = 35  # a written sentence is rarely this long without a mark; a spoken one often is
_SPOKEN_BREAK = re.compile(
    r"\s(?=(?P<cue>(?i:ok(?:ay)?\s+so|so\s+(?:the|what|we|i|our|basically|um|uh|yeah)|um|uh|erm|and\s+then|anyway|"
    r"pricing|prices?\s+(?:is|are|would|will|we)|risks?\s+(?:is|are|would|will)|the\s+risks?\s+(?:is|are)|"
    r"open\s+questions?|one\s+question|we(?:'ll|\s+will|\s+would|'d)?\s+launch|launch(?:ing)?\s+(?:is|in|would)|"
    r"we(?:'d|\s+would)?\s+need|what\s+we\s+want\s+to\s+build|the\s+idea\s+is|it's\s+(?:a|an|basically)\s)\b|"
    # a person who says something: "Kate at Hillside Estate says", "Kate said"
    r"[A-Z][a-z]+(?:\s+(?:at|from)\s+[A-Z][\w'’]*(?:\s+[A-Z][\w'’]*){0,2})?\s+(?:says|said|told|reckons)\b|"
    # a person who will lead it: "Sam Price would lead it"
    r"[A-Z][a-z]+\s+[A-Z][a-z]+\s+(?:would|will|is\s+going\s+to)\s+(?:lead|own|run|head)\b))")
# What a speaker says before the thought: "ok so", "um", "and"; the statement starts after it.
_SPOKEN_FILLER = re.compile(r"(?i)(?:(?:ok(?:ay)?|so|um|uh|erm|er|and|anyway|yeah|right)\b[,]?\s+)+")


def _spoken_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """A dictated run of words with no full stop, cut where the speaker starts a new thought;
    any other sentence as it is."""
    piece = text[start:end]
    words = len(piece.split())
    # (a long written sentence has its commas: "The harbourmaster at Mevagissey told me they chase ...,
    # and the office is only open 9 to 5 so ..." is one sentence, not two thoughts)
    if words < _DICTATED_WORDS or len(re.findall(r"[,;:]", piece)) > words // 80:
        return [(start, end)]
    cuts, cue_end = [start], 0
    for match in _SPOKEN_BREAK.finditer(piece):
        if match.start() >= cue_end:  # "so what we want to build": one cut, before "so", not another before "what"
            cuts.append(start + match.end())
            cue_end = match.end("cue")
    cuts.append(end)
    spans: list[tuple[int, int]] = []
    for a, b in zip(cuts, cuts[1:], strict=False):
        if spans and len(text[a:b].split()) < 3:  # "um" alone is no thought: it stays with the one before
            spans[-1] = (spans[-1][0], b)
            continue
        filler = _SPOKEN_FILLER.match(text, a, b)
        a = filler.end() if filler and filler.end() < b else a
        spans.append((a, b))
    return [_trimmed(text, a, b) for a, b in spans if text[a:b].strip()]


_TABLE_ROW = re.compile(r"^\s*\|.*\|\s*$")
# A spreadsheet pasted as text: three or more cells split by tabs.
# (Each part is bounded by a tab, so matching stays linear on a 1 MB line without one.)
_TSV_ROW = re.compile(r"^[^\t\n]*(?:\t[^\t\n]*){2,}$")
# A CSV file's header ("Interviewee,role,location,pain,quote"): column names, not a fact.
_CSV_HEADER = re.compile(r"^\s*[A-Za-z][\w ()/-]{0,24}(?:,[A-Za-z][\w ()/-]{0,24}){3,}\s*$")
_TABLE_RULE = re.compile(r"\s*:?-{2,}:?\s*")


def _cells(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The (start, end) of each cell of a Markdown table row (or a tab-separated one), trimmed."""
    if "|" not in text[start:end]:
        tabs = [start - 1, *(i for i in range(start, end) if text[i] == "\t"), end]
        return [_trimmed(text, left + 1, right) for left, right in zip(tabs, tabs[1:], strict=False)
                if right > left + 1]
    bars = [i for i in range(start, end) if text[i] == "|"]
    spans = []
    for left, right in zip(bars, bars[1:], strict=False):
        spans.append(_trimmed(text, left + 1, right))
    return spans


# A Spanish or Portuguese problem line's subject: "veterinários em Curitiba perdem ...", "dueños de
# lavanderías en Madrid pierden ...": a plural noun (of another plural noun), "em"/"en" and a place.
_THEIR_GROUP = re.compile(rf"(?P<who>[{LOWER}]+s(?:\s+(?:de|do|da|dos|das|del)\s+[{LOWER}]+s)?\s+(?:em|en|na|no)\s+"
                          rf"[{UPPER}][{LOWER}]+(?:\s+[{UPPER}][{LOWER}]+)?)\s+[{LOWER}]")


def _group_in_their_language(statements: list[Statement], notes: Document) -> tuple[str | None, NoteSpan | None]:
    """The customers named in the notes' own language, when no English words name them: said as
    the notes say them ("veterinários em Curitiba"), not translated (no word is made up)."""
    for statement in statements:
        if statement.quote_only or statement.topic not in (None, "problem", "customer"):
            continue
        group = _THEIR_GROUP.match(statement.text)
        if group and english_share(statement.text) < 0.4:
            start = statement.start + group.start("who")
            return group.group("who"), _span(notes, start, start + len(group.group("who")))
    return None, None


def english_share(text: str) -> float:
    """How much of a phrase is everyday English: its words of two letters or more that are common
    English words (the lexicon's frequency), as a share."""
    from assistant.clarity.lexicon import zipf

    words = re.findall(r"[^\W\d_]{2,}", text.lower())
    return sum(zipf(w) >= 3.5 for w in words) / len(words) if words else 0.0


_FIGURE = re.compile(r"\d[\d.,]*\s*%?")
# (a surname's particle stays in the name: "Marieke de Vries", "Ludwig van der Berg")
_NAME_PARTICLES = r"(?:(?:de|van|von|der|den|da|di|du|le|la|del|della|dos|das|ter|ten|bin|al)\s+)*"
# A person's name: "Dana Ruiz", "Dr. Mei Lin", "Marieke de Vries"
_PERSON = re.compile(rf"(?:(?:Dr|Mr|Ms|Mrs|Prof)\.?\s+)?[A-Z][\w'’-]+(?:\s+{_NAME_PARTICLES}[A-Z][\w'’-]+){{0,3}}")
# "pequenas padarias em Lisboa (small bakeries in Lisbon), 1-2 lojas", "deitam fora 20% do pão —
# they throw away 20% of bread": a note in another language, then its English.
_TRANSLATED = re.compile(r"(?P<own>[^()\n\"“]{6,}?)\s*(?:\((?P<inner>[^()\n]{6,})\)(?P<after>[^()\n]*)|"
                         r"\s[—–]\s+(?P<dashed>[^—–\n]{6,}))$")


_GLOSSED = re.compile(r"(?P<own>[^()\n\"“]{6,60}?)\s*\((?P<english>[^()\n]{6,60})\)\s+(?P<rest>[a-z][^()\n]{6,})")


def translated_subject(text: str) -> re.Match[str] | None:
    """"padarias em Lisboa (bakeries in Lisbon) throw away 12% of bread": a subject in another
    language, its English in brackets, then the sentence goes on in English."""
    match = _GLOSSED.fullmatch(text.strip().rstrip("."))
    if match is None or english_share(match.group("own")) >= 0.5 or english_share(match.group("english")) < 0.6 \
            or english_share(match.group("rest")) < 0.6:
        return None
    return match


def _english_part(text: str, start: int, end: int) -> tuple[int, int]:
    """A bilingual line's English half, when the notes give one: the line's own words are in
    another language and the half in brackets or after a dash is English, with every figure of
    the other half in it too (else the line stays whole: "8% de comissão (commission per sale)"
    would lose its figure). What follows the brackets goes with them only when it is a short aside."""
    match = _TRANSLATED.match(text, start, end)
    if match is None:
        return start, end
    group = "inner" if match.group("inner") is not None else "dashed"
    own, english = match.group("own"), match.group(group)
    if _PERSON.fullmatch(own.strip()):
        return start, end  # "Marieke de Vries (Director of Field Operations)": a person and their title
    after = match.group("after") or ""
    # (three words a side at least: "Dampwise — a £30 sensor ...", "Limerick — 22 March 2027",
    # "allotment societies (volunteer-run)" are a name, a place, an aside, in one language)
    if len(re.findall(r"[^\W\d_]{2,}", own)) < 3 or len(re.findall(r"[^\W\d_]{2,}", english)) < 3 or \
            english_share(own) >= 0.5 or english_share(english) < 0.75 or len(after.split()) > 4 or \
            any(figure.strip() not in english for figure in _FIGURE.findall(own)):
        return start, end
    return _trimmed(text, match.start(group), match.end(group))


# "ok so summarising the calls from last week: vet clinics in Cork lose ...": words about the notes
# before what they say.
_LEAD_IN = re.compile(r"(?i)(?:(?:ok(?:ay)?|so|right|anyway|quick(?:ly)?|just),?\s+)*(?:summari[sz]ing|to summari[sz]e|"
                      r"(?:quick\s+|short\s+)?summary(?=\s+of\b|\s*:)|"
                      r"in summary|recap(?:ping)?|tl;?dr|in short|bottom line|(?:key|main|big) takeaways?|"
                      r"what we heard|what i heard)\b[^:\n\"“]{0,60}:\s+(?=\S)")


def _statement(notes: Document, start: int, end: int, label: str | None, topic: Topic | None) -> Statement:
    lead_in = _LEAD_IN.match(notes.text, start, end)
    if lead_in and label is None:
        start = lead_in.end()
    if not re.search(r"[\"“”]", notes.text[start:end]):
        start, end = _english_part(notes.text, start, end)  # a bilingual line: its English half
    span = notes.span(start, end)
    body = span.text
    quote_only = bool(re.fullmatch(r"\s*[\"“][^\"“”]+[\"”]\s*(?:\([^)]*\)|[—–-]+\s*[^\n]{0,120})?\s*", body))
    return Statement(text=body, start=span.start, end=span.end, line=span.line, label=label, topic=topic,
                     topics=_cue_topics(body), quote_only=quote_only)


def speaker_from(detail: str) -> tuple[str | None, str | None]:
    """"Priya, data engineer at a logistics startup" -> ("Priya", "data engineer at ..."); also
    "Maria Gonzalez (owner, Books on Main)", "Aisha Khan - buyer", "Dr. Mei Lin, dentist". A role
    alone ("owner, two stores, Tacoma", "one manager") has no name."""
    detail = re.sub(r",?\s+(?:said|says|told (?:us|me)|put it)$", "", detail.strip().rstrip(".:,"))
    # "q (Hạnh, owner ...)", "quote, Dee (shop steward)", "Customer quote (Lika, ...)", "quote from
    # Ploy (owner, ...)", "talked to Lisa Ortega (office manager, ...)": the words saying a quote
    # follows are no part of who said it; the person is in the brackets, or after them.
    detail = _QUOTE_LEAD.sub("", detail, count=1)
    bracketed = re.fullmatch(r"\((?P<inner>[^()]+)\)", detail)
    if bracketed:
        detail = re.sub(r"^(?:from|by)\s+", "", bracketed.group("inner").strip())
    # "One teacher, Mr. Okafor (Year 9 English, Leeds)": the role before the name says nothing more.
    detail = re.sub(r"^(?i:one|a|an|another|the)\s+[a-z][\w -]{0,30},\s+(?=(?:(?:Dr|Mr|Ms|Mrs|Prof|Chef)\.?\s+)?[A-Z])",
                    "", detail)
    paren = re.fullmatch(r"(?P<head>[^(,]+?)\s*\((?P<rest>[^)]+)\)", detail)  # "Maria Gonzalez (owner, ...)"
    if paren:
        head, rest = paren.group("head"), paren.group("rest")
    else:
        parts = re.split(r",| [-–—]+ ", detail, maxsplit=1)
        head, rest = parts[0], parts[1] if len(parts) > 1 else ""
    head = head.strip()
    if paren and (_ROLE_WORDS.search(head) or not _name_like(head)):
        # "a parent (Ayşe, Nuremberg, interview 12 Oct)": the role first, the name first in the
        # brackets; when and how we met them says nothing of who they are
        items = [item.strip() for item in rest.split(",")]
        if len(items) >= 2 and _name_like(items[0]) and not _ROLE_WORDS.search(items[0]) and \
                not _ORG_TAIL.search(items[0]) and not _COMPANY_WORD.search(items[0]) and \
                items[0] not in _region_names():
            about = [head, *(item for item in items[1:] if not _WHEN_MET.search(item))]
            return items[0], ", ".join(about)
    where = re.fullmatch(r"(?P<head>.+?)\s+(?:at|from|of)\s+(?P<org>[A-Z].*)", head)
    if where and not rest:
        head, rest = where.group("head"), where.group("org")
    if _name_like(head) and not _ROLE_WORDS.search(head) and not _SAID_COLUMN.fullmatch(head):
        return head, rest.strip() or None
    return None, detail.strip() or None


_COMPANY_WORD = re.compile(r"\b(?:Ltd|Inc|LLC|GmbH|AG|plc|Co|Corp|Group|Studios?|Partners|Bakery|Caf[eé]|Vets)\b")
_WHEN_MET = re.compile(r"(?i)\b(?:interview\w*|call|calls|visit|survey)\b|\d")
_QUOTE_LEAD = re.compile(r"(?i)^(?:(?:customer|user|client)\s+)?(?:quotes?|q|verbatims?)\b\s*[,:]?\s*"
                         r"(?:(?:from|by)\s+)?"
                         r"|^(?:talked|spoke|spoken)\s+(?:to|with)\s+|^\(\s*(?:from|by)\s+(?=[^()]+\)$)")


def _last_named(before: str) -> tuple[str, str | None] | None:
    """Who speaks at the end of a longer line before a colon: "..., tracked in Excel, Regula:",
    "Nok: quote from Ploy (owner, Baan Yoga):" (the last part after a colon, else after a comma
    outside brackets)."""
    parts = [before.rsplit(": ", 1)[-1], re.split(r",\s+(?![^()]*\))", before)[-1]]
    for part in parts:
        speaker, detail = speaker_from(part)
        if speaker is not None:
            return speaker, detail
    return None


def _name_like(head: str) -> bool:
    """"Priya", "Dr Mei Lin", "Hạnh", "Tomás Vidal": one to three capitalised words, in any script."""
    # (and the titles of the languages notes mix in: "Dra. Ana", "Sr. Costa", "Mme Roux", "Frau Vogt")
    words = re.sub(r"^(?:Dr|Dra|Mr|Ms|Mrs|Prof|Profa|Chef|Sr|Sra|Srta|Mme|Mlle|M|Frau|Herr|Dott|Dona|Doña|Don|Ing|"
                   r"Eng)\.?\s+", "", head).split()
    return 0 < len(words) <= 3 and all(re.fullmatch(r"[^\W\d_][^\W\d_'’-]*", w) and w[0].isupper() and
                                       not w[1:].isupper() for w in words)


# '"...," says Rosa Kemp, owner of Kemp's Bakehouse', '"...," Jean Birkett said.': who speaks, after
# the quote, as a reporter writes it.
_SAID_AFTER = re.compile(r"[\s,.\"”]*(?:(?:said|says|explains|explained|adds|added|told us)\s+(?P<detail>"
                         r"(?:(?:Dr|Mr|Ms|Mrs|Prof)\.?\s+)?[A-Z][^\n.;]{1,120})"
                         r"|(?P<who>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2})\s+(?:said|says)\b)")
# "When we rode along with Ramesh he said:": the person named in the sentence, then "he said".
_PRONOUN_SAID = re.compile(r"(?<=[a-z,] )" + _NOT_AFTER_A_PLACE_WORD +
                           r"(?P<who>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)\b[^.!?\"“A-Z]{0,40}?"
                           r"\b(?:he|she)\s+(?:said|says|told us|put it)[:,]?\s*$")


# "Mel from Crumb & Co in Launceston, put it better than I can:", "Don Ramiro at Chatarrera El Norte
# told us he loses": a person, maybe their business, then a verb of saying, in the words before a quote.
_NAMED_SAID = re.compile(r"(?<![\w'’])" + _NOT_AFTER_A_PLACE_WORD +
                         r"(?!(?:She|He|They|We|I|It|This|That|One|Everyone|Nobody|Someone)\b)"
                         r"(?P<who>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)"
                         r"(?:,?\s+(?:from|at)\s+[A-Z][^,.;:\"“]{0,50})?,?\s+"
                         r"(?:told (?:us|me)|said|says|put it|explained|complained)\b[^\"“.!?]{0,60}$")


# "a chef who lives in Salford told us", "one practice manager said": someone unnamed, by their role.
_ROLE_SAID = re.compile(r"(?i)\b(?:a|an|one|another)\s+(?P<role>(?:[a-z-]+\s+){0,2}?(?!(?:of|who|that)\b)[a-z-]{3,})"
                        r"(?:\s+(?:who|that)\s+[^,\"“.;]{0,50}?|\s+(?:from|at|in)\s+[^,\"“.;]{0,40}?)?,?\s+"
                        r"(?:told (?:us|me)|said|says|put it)[:,]?\s*$")


# "one manager (Gráinne, Douglas Vets) said": the person in the brackets before a verb of saying.
_BRACKET_SAID = re.compile(r"\((?P<who>[^()\n]{2,80})\)\s*,?\s+(?:said|says|told (?:us|me)|put it)[:,]?\s*$")


# A label that only says what follows is a quotation ("Quote from the call:", "Verbatim:"): no speaker.
# A table column of what each person said: "Said", "Quote", "In their words".
_SAID_COLUMN = re.compile(r"(?i)(?:said|says|quotes?|verbatims?|what (?:they|he|she) said|in (?:her|his|their) words|"
                          r"comments?|remarks?)")
_QUOTE_LABEL = re.compile(r"(?i)\b(?:quotes?|quoted|verbatims?|in (?:her|his|their) words)\b")
_PRONOUNS = {"She", "He", "They", "We", "I", "It", "Everyone", "Nobody", "Someone", "One", "This", "That"}
# "Owner Katrin Huber says the queue ...": someone the notes have speaking.
_SAYS = re.compile(r"(?P<who>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)\s+(?:says|said|told us|reckons|estimates)\b")


def read_quotes(notes: Document, statements: list[Statement]) -> list[QuoteFact]:
    """Every quotation of four words or more, with its speaker: from the parentheses or dash after
    it, the label before it ("one manager: ..."), or the interview header above it."""
    text = notes.text
    by_line: dict[int, Statement] = {s.line: s for s in statements}
    headers = {s.line: s.text for s in statements if s.topic == "interviewee"}
    cells_by_line: dict[int, list[Statement]] = {}
    for s in statements:
        cells_by_line.setdefault(s.line, []).append(s)
    quotes: list[QuoteFact] = []
    header_lines = sorted(headers)
    for claim in quote_claims(text):
        line, _ = notes.line_col(claim.start)
        # The interview a quote belongs to: the nearest interview header above it.
        above = bisect.bisect_right(header_lines, line) - 1
        interview = headers[header_lines[above]] if above >= 0 else None
        speaker, detail = speaker_from(interview) if interview else (None, None)
        line_end = text.find("\n", claim.end)
        tail = text[claim.end + 1 : line_end if line_end >= 0 else len(text)]
        after = _PARENTHETICAL.match(tail) or _DASH_ATTRIBUTION.match(tail) or _SAID_AFTER.match(tail)
        if after and (after.groupdict().get("detail") or "").startswith("=") and \
                _DASH_ATTRIBUTION.match(tail, after.end()):
            # '"metade da minha manhã" (= half my morning) — Bruno, owns ...': a translation, then who
            after = _DASH_ATTRIBUTION.match(tail, after.end())
        if after:
            speaker, detail = speaker_from(after.group("detail") or after.groupdict().get("who") or "")
        statement = by_line.get(line)
        if statement is not None and statement.label and statement.topic is None and not after and \
                not _QUOTE_LABEL.search(statement.label):
            speaker, detail = speaker_from(statement.label)
        before = _BULLET.sub("", text[text.rfind("\n", 0, claim.start) + 1 : claim.start - 1]).strip()
        said = _SAID_BEFORE.search(before) or _PRONOUN_SAID.search(before) or _NAMED_SAID.search(before) or \
            _BRACKET_SAID.search(before)
        named = re.fullmatch(r"(?P<who>[^\"“:]{2,100}?)\s*:", before)
        if not after and (said or (named and len(named.group("who").split()) <= 12)):
            speaker, detail = speaker_from((said or named).group("who"))  # type: ignore[union-attr]
        if not after and speaker is None and before.endswith(":"):
            speaker, detail = _last_named(before[:-1]) or (speaker, detail)
        row = _csv_row_speaker(notes, line)
        if row is not None and speaker is None:
            speaker, detail = row
        role = _ROLE_SAID.search(before) if speaker is None and detail is None and not after else None
        if role:  # "a chef who lives in Salford told us": no name, but who they are
            detail = role.group("role")
        if statement is not None and statement.label and _SAID_COLUMN.fullmatch(statement.label.strip()):
            # "| Mark, franchise | Bristol | ... | "half my pupils ..." |" under "| Who | ... | Said |":
            # the column's name is no speaker; the row's person is
            # (only there: a "Quote:" label elsewhere keeps the speaker its attribution names)
            person = next((cell for cell in cells_by_line.get(line, []) if cell.topic == "interviewee"
                           and cell.label and cell is not statement), None)
            if person is not None:
                speaker, detail = speaker_from(person.text)
        # (under a "Quotes" heading, '"..." — owner, 35 caregivers, Dayton' keeps the role its dash gives)
        if speaker is None and detail is None and statement is not None and statement.label and \
                _QUOTE_LABEL.search(statement.label):
            speaker, detail = speaker_from(statement.label)  # "Q: quote (from Inês, director)" / "A: \"...\""
        if speaker is None and statement is not None and statement.label and _QUOTE_LABEL.search(statement.label):
            # "Quote from the call: ..." under "Owner Katrin Huber says the queue runs to 45 minutes":
            # the label says it is a quote, the person the notes last had speaking said it
            said_before = [m for m in _SAYS.finditer(text, max(0, claim.start - 800), claim.start)
                           if m.group("who").split()[0] not in _PRONOUNS]
            if said_before:
                speaker, detail = said_before[-1].group("who"), None
        quote = claim.quote.rstrip()
        quotes.append(QuoteFact(text=quote, start=claim.start, end=claim.start + len(quote), line=line,
                                speaker=speaker, detail=detail))
    for statement in statements:
        # "Kate said and I wrote this down word for word I lose more fruit to the phone than to the
        # weather": a dictated quote, with no marks, said to be word for word
        verbatim = _VERBATIM.search(statement.text) if not statement.quote_only else None
        if verbatim and not re.search(r"[\"“”]", statement.text):
            start = statement.start + verbatim.start("words")
            words = verbatim.group("words").rstrip(" .")
            quotes.append(QuoteFact(text=words, start=start, end=start + len(words), line=statement.line,
                                    speaker=verbatim.group("who"), detail=None))
    taken = [(q.start, q.end) for q in quotes]
    quotes += [q for q in _spoken_turns(notes, headers)
               if not any(a < q.end and q.start < b for a, b in taken)]
    taken = [(q.start, q.end) for q in quotes]
    quotes += [q for q in _labelled_turns(notes) if not any(a < q.end and q.start < b for a, b in taken)]
    return quotes


def _labelled_turns(notes: Document) -> list[QuoteFact]:
    """A call written "Caller: ..." / "Me: ...": the customer's own words, each sentence of theirs of
    four words or more (not a question), said by the turn's speaker."""
    text = notes.text
    ours, theirs = transcript_sides(text)
    out: list[QuoteFact] = []
    for start, end in _lines(text):
        turn = _TURN_LINE.match(text[start:end])
        if turn is None or turn.group("who") not in theirs:
            continue
        speaker, detail = turn_speaker(turn.group("who"))
        for match in _SPOKEN_SENTENCE.finditer(text, start + turn.start("rest"), end):
            a, b = _trimmed(text, match.start(), match.end())
            words = text[a:b]
            if len(words.split()) >= 4 and not words.endswith("?"):
                out.append(QuoteFact(text=words, start=a, end=b, line=notes.line_col(a)[0], speaker=speaker,
                                     detail=detail))
    return out


_VERBATIM = re.compile(r"(?P<who>[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)\s+(?:said|says|told (?:me|us))[,:]?\s+"
                       r"(?:and\s+)?(?:I\s+wrote\s+(?:this|it|that)\s+down\s+word\s+for\s+word|word\s+for\s+word|"
                       r"and\s+I\s+quote|quote|verbatim)[,:]?\s+(?P<words>(?:I|I'm|I've|we|my|our|you)\b[^\"“”\n]{8,240})$")
# A transcript's turn: "Mike Alvarez  0:19" (Otter, Zoom) on its own line, the words on the lines below.
_TURN_HEADER = re.compile(r"^\s*(?P<who>[A-Z][\w'’.-]+(?:\s[A-Z][\w'’.-]+){0,2})\s*(?:\s{2,}|\s*[(\[])"
                          r"\d{1,2}:\d{2}(?::\d{2})?[)\]]?\s*:?\s*$")
# "A: Families ring me six, seven times ...": the answer of a Q/A interview.
_ANSWER_TURN = re.compile(r"^\s*(?:A|Answer)\s*[:.]\s+(?=\S)")
_INTERVIEWER = re.compile(r"(?i)^(?:interviewer|me|us|q|host|moderator|facilitator|researcher|speaker \d+|unknown)$")
_SPOKEN_SENTENCE = re.compile(r"[^.!?\n]+(?:[.!?]+|$)")


def _spoken_turns(notes: Document, headers: dict[int, str]) -> list[QuoteFact]:
    """A transcript's interviewee, in their own words: each sentence of four words or more that a
    named speaker says in a turn ("Mike Alvarez  0:19" over the words), or the answers of a Q/A
    interview, said by the person its "Interview:" header names. Questions are not quotes."""
    text = notes.text
    lines = _lines(text)
    turns: list[tuple[str, str | None, int, int, bool]] = []  # speaker, detail, start, end, a Q/A answer
    has_questions = any(re.match(r"\s*(?:Q|Question)\s*[:.]\s", text[a:b]) for a, b in lines)
    speaker: tuple[str, str | None] | None = None
    for start, end in lines:
        line = text[start:end]
        header = _TURN_HEADER.match(line)
        if header:
            who = header.group("who")
            speaker = None if _INTERVIEWER.match(who) else (who, None)
            continue
        if not line.strip():
            speaker = None
            continue
        answered = _ANSWER_TURN.match(line)
        if answered and has_questions:
            line_no, _ = notes.line_col(start)
            above = [n for n in headers if n < line_no]
            said_by = speaker_from(headers[max(above)]) if above else (None, None)
            if said_by[0]:
                turns.append((said_by[0], said_by[1], start + answered.end(), end, True))
            continue
        if speaker is not None:
            turns.append((speaker[0], speaker[1], start, end, False))
    # A team's chat export has the same shape ("Marco Reyes  10:42"): its speakers are us, so a
    # turn is a customer's words only in an interview, where someone asks ("Interviewer  0:12").
    interviewed = any((h := _TURN_HEADER.match(text[a:b])) and _INTERVIEWER.match(h.group("who")) for a, b in lines)
    out: list[QuoteFact] = []
    for who, detail, start, end, answer in turns:
        if not answer and not interviewed:
            continue
        for match in _SPOKEN_SENTENCE.finditer(text, start, end):
            a, b = _trimmed(text, match.start(), match.end())
            words = text[a:b]
            if len(words.split()) >= 4 and not words.endswith("?"):
                out.append(QuoteFact(text=words, start=a, end=b, line=notes.line_col(a)[0], speaker=who,
                                     detail=detail))
    return out


def _csv_row_speaker(notes: Document, line: int) -> tuple[str, str | None] | None:
    """A quote in a row of a pasted CSV whose first column names who was heard ("interviewee,role,
    ...,quote" over "Dale,owner,...,\"I hold a site ...\""): the row's person and role."""
    import csv

    rows = notes.text.split("\n")
    for index in range(line - 2, -1, -1):
        if not rows[index].strip():
            return None
        if _CSV_HEADER.match(rows[index]):
            header = [cell.strip().lower() for cell in rows[index].split(",")]
            if header[0] not in ("interviewee", "name", "customer", "who", "person", "contact", "speaker"):
                return None
            cells = next(csv.reader([rows[line - 1]]), [])
            if not cells or not re.fullmatch(r"[A-Z][\w'’.-]+(?:\s[A-Z][\w'’.-]+){0,2}", cells[0].strip()):
                return None
            role = cells[1].strip() if len(header) > 1 and header[1] in ("role", "title", "job") and \
                len(cells) > 1 else None
            return cells[0].strip(), role or None
    return None


# "small agencies (5-30 people), the founder usually does the chasing": who they are ends where a
# clause about them starts (a list of kinds, "cafés, bakeries and delis", goes on).
_FOR_LINE = re.compile(rf"(?i:for)\s+(?P<who>[a-z][\w+&' -]{{2,80}}?(?:{_ROLE_LIKE})"
                       rf"(?:\s+(?:who|that)\s[^,.;]{{3,60}})?)(?:,[^.]*)?\.?")
# ("Customers who want a refund have to email support": the clause ends where the sentence's own
# verb starts, "have to email support" is what they do)
_WHO_CLAUSE = re.compile(r"\s+(?:who|that)\s+(?:(?!(?:have|has|had|must|need|needs|can't|cannot|are|is|were|was|"
                         r"spend|spends|wait|waits|lose|loses|get|gets|end up|keep|keeps)\s)[^,.;:()\s]+\s*){1,8}?"
                         r"(?=\s+(?:have|has|had|must|need|needs|can't|cannot|are|is|were|was|spend|spends|wait|waits|"
                         r"lose|loses|get|gets|end up|keep|keeps)\b|[,.;:()\n]|$)")
_CUSTOMER_ASIDE = re.compile(r"\s*[,;]\s+(?=(?:the|they|their|most|mostly|usually|often|who|which|mainly|typically|"
                             r"generally|each|every|one|some)\b)|\s+[-–—]\s+", re.IGNORECASE)


# One business by its name: "Bloemhof BV", "Acme Ltd", "De Vries Kwekerij" (capitalised words, the
# last no plural), and a town after a comma ("Greenleaf Nursery, Utrecht")
_ONE_COMPANY = re.compile(rf"(?:[{UPPER}][\w&'’.-]*\s+)+[{UPPER}][\w&'’.-]*(?:\s+(?i:bv|b\.v\.|ltd|gmbh|inc|llc|"
                          rf"s\.?a|s\.?l|ag|nv|plc|co|oy|ab|as|srl|spa))?(?:,\s+[{UPPER}][{LOWER}]+)?"
                          rf"(?<![{LOWER}]s)(?<=[\w.])|[^,]*\s(?i:bv|ltd|gmbh|inc|llc|plc|s\.a\.|ag|nv)\.?")


# One of the company's own teams: "the ops team", "our sales team", "the leadership team".
_OUR_OWN_TEAM = re.compile(r"(?i)(?:the|our)\s+(?:ops|operations|sales|support|engineering|eng|product|finance|"
                           r"marketing|leadership|exec(?:utive)?|management|platform|data|design|legal|hr|it|security|"
                           r"growth|cs|customer success|field service|dev|development|qa|analytics)\s+"
                           r"(?:team|teams|department|org|squad|folks|people|guys)")


# "Primary:", "Secondary segment -", "Main users:": which of several segments a line names.
# One group of a list, marked as the primary one: "Field reps (primary), sales managers (buyer)".
_MARKED_PRIMARY = re.compile(r"(?:^|[,;]\s*|\band\s+)(?P<who>[^,;()]+?)\s*\((?:primary|main|core)"
                             r"(?:\s+(?:users?|customers?|segment|persona|audience))?\)", re.IGNORECASE)
_SEGMENT_RANK = re.compile(r"(?i)^\W*(?:primary|secondary|main|core|first|second|tertiary)"
                           r"(?:\s+(?:users?|customers?|segments?|personas?|audiences?|buyers?|market))?\s*(?::|[-–—])\s*")


def _customer(statements: list[Statement], notes: Document) -> tuple[str | None, NoteSpan | None]:
    for statement in statements:
        if statement.topic == "customer" and _ONE_COMPANY.fullmatch(statement.text.strip(" .")):
            continue  # a ticket's "customer | De Vries Kwekerij": one customer's name, not a kind of customer
        if statement.topic == "customer" and _USER_STORY.match(statement.text):
            continue  # a PRD's "User stories: As a patient on ..., I want ...": read as a user story below
        if statement.topic == "customer":
            # ("Primary: small landlords (1-5 units) in the UK": which segment, then who)
            text = _SEGMENT_RANK.sub("", statement.text)
            if text != statement.text and re.match(r"(?i)\W*secondary\b", statement.text):
                continue  # the secondary segment is not who the release is for
            offset_rank = len(statement.text) - len(text)
            primary = _MARKED_PRIMARY.search(text)
            if primary:
                # "Field reps (primary), sales managers (buyer)": the group marked primary is who
                # the release is for; the others are its buyer or a second segment
                offset_rank += primary.start("who")
                text = primary.group("who")
            who = _CUSTOMER_ASIDE.split(text, maxsplit=1)[0].rstrip(" .")
            # "care homes in Leeds, 20-60 beds", "new parents in Dublin, first child": the group,
            # without a last aside of size or detail (a list of kinds, "cafés, bakeries", goes on)
            aside = re.search(r",\s+(?P<aside>[^,]+)$", who)
            # ("courier companies, not riders": who it is not for is no part of who it is for)
            if aside and not re.search(r"\b(?:and|or)\b", aside.group("aside")) and \
                    who[:aside.start()].count("(") <= who[:aside.start()].count(")") and (
                    re.search(r"\d", aside.group("aside")) or re.match(r"(?i)not\b", aside.group("aside")) or
                    len(aside.group("aside").split()) <= 3 and
                    not any(w.endswith("s") and not w.endswith("ss") for w in aside.group("aside").split())):
                who = who[:aside.start()]
            # "14 wedding photographers in Lisbon": who they are, not how many the notes met
            count = re.match(r"(?:about |around |~)?\d[\d,]*\s+(?=[a-z])", who)
            offset = count.end() if count else 0
            one = _ONE_OF_A_KIND.fullmatch(who[offset:])
            at = statement.start + offset_rank  # where `who` starts in the notes
            if one:  # "a Berlin bakery chain with 9 shops": Berlin bakery chains with 9 shops
                start = at + offset + one.start("kind")
                return _plural(one.group("kind")) + one.group("rest"), _span(notes, start, at + len(who))
            # ("Segment | Cricket clubs (village, 1-3 teams)": "cricket clubs" mid-sentence)
            return _common_case(who[offset:], notes), _span(notes, at + offset, at + len(who))
    # A user story: "As a letting agent managing 300+ flats, I want ...": letting agents; and
    # "Every dentist I know has the same Monday": dentists.
    for statement in statements:
        story = (_USER_STORY.match(statement.text) or _EVERY_ONE_I_KNOW.search(statement.text)) \
            if not statement.quote_only else None
        if story:
            who = story.group("who")
            start = statement.start + story.start("who")
            return who + ("es" if who.endswith(("ch", "sh", "ss")) else "s"), _span(notes, start, start + len(who))
    # A call's customer saying what they are: "Caller: We're a Berlin bakery chain, 9 shops": Berlin
    # bakery chains (only the customer's side of a transcript: in our own notes "we're a" is us).
    _, theirs = transcript_sides(notes.text)
    for statement in statements if theirs else []:
        line_start = notes.text.rfind("\n", 0, statement.start) + 1
        turn = _TURN_LINE.match(notes.text[line_start:statement.start])
        said = _SELF_DESCRIBED.search(statement.text) if turn and turn.group("who") in theirs else None
        if said:
            start = statement.start + said.start("who")
            return _plural(_common_case(said.group("who"), notes)), _span(notes, start, start + len(said.group("who")))
    for statement in statements:
        if statement.quote_only or statement.topic in ("open", "risks", "other"):
            continue  # a customer's words say who they are, not who our customer is; a to-do says neither
        for pattern in _CUSTOMER_PHRASES:
            match = pattern.search(statement.text)
            if match and re.search(r"(?i)\b(?:work\w*|wait\w*|look\w*|ask\w*|pa(?:y|id|ying|ys)|appl\w*|search\w*)\s+$",
                                   statement.text[:match.start()]):
                continue  # "working for streaming vendors": who they work for, not who it is for
            if match and len(re.findall(r"\b[A-Z][a-z]", match.group("who"))) >= 2:
                continue  # "a call with the Piano Tuners' Guild": an organisation's name, not a kind of customer
            if match and _OUR_OWN_TEAM.fullmatch(match.group("who")):
                continue  # "a call with the ops team": our colleagues, not the customer
            if match and re.search(r"(?i)\b(?:the|our)\s+$", statement.text[:match.start("who")]) and \
                    re.fullmatch(_BUSINESS_NOUNS, match.group("who").split()[-1].lower()):
                continue  # "Self-serve refunds for the online shop": one thing of ours, not a kind of customer
            joined = re.search(r"(?P<first>[\w+&-]+)\s+(?:and|or|&)\s+", match.group("who")) if match else None
            if joined and not re.fullmatch(rf"(?i)(?:{_ROLE_NOUNS}|{_PEOPLE_ERS})", joined.group("first")):
                continue  # "for the building and tenants open windows": a thing joined to people is no customer
            if match:
                who, start = match.group("who"), statement.start + match.start("who")
                if re.fullmatch(r"(?i)(?:people|users|customers)", who):
                    # "people" says nothing; "people who buy appliances" does. Else look further.
                    clause = _WHO_CLAUSE.match(statement.text, match.end("who"))
                    if not clause:
                        continue
                    who += clause.group()
                return _common_case(who, notes), _span(notes, start, start + len(who))
    # "talked to a Berlin bakery chain, 9 shops", "interviewed the owner of a care home": one of a
    # kind of business, met: businesses of that kind.
    for statement in statements:
        met = (_MET_ONE.search(statement.text) or _MET_MANY.search(statement.text)) \
            if not statement.quote_only and statement.topic not in ("open", "risks", "other", "title") else None
        if met:
            start = statement.start + met.start("kind")
            kind = _common_case(met.group("kind"), notes)
            return kind if met.re is _MET_MANY else _plural(kind), _span(notes, start, start + len(met.group("kind")))
    # "Marta (runs 3 language schools in Valencia)", "I manage two dental practices in Cork": the
    # person we met runs several businesses of a kind; the kind is the customer.
    for statement in statements:
        runs = _RUNS_SEVERAL.search(statement.text) if statement.topic not in ("open", "risks", "other") else None
        if runs and businesses(runs.group("kind")):
            start = statement.start + runs.start("kind")
            return _common_case(runs.group("kind"), notes), _span(notes, start, start + len(runs.group("kind")))
    # "Giorgos, owns an olive mill near Sparta", "she runs a dog kennel": the one business we met,
    # standing for its kind.
    for statement in statements:
        owns = _OWNS_ONE.search(statement.text) if statement.topic not in ("open", "risks", "other") else None
        if owns:
            kind, start = owns.group("kind"), statement.start + owns.start("kind")
            return _plural(_common_case(kind, notes)), _span(notes, start, start + len(kind))
    # "owners of small boxing and MMA gyms": a line that is only a group of people, no verb, says who.
    for statement in statements:
        # (short and without figures: "Tattoo artists at small studios block out 3-6 hour sessions" has a verb)
        # ("free to tenants" is a price, not a group: no line that opens with a preposition's phrase)
        if statement.topic is None and not statement.quote_only and len(statement.text.split()) <= 8 and \
                not re.search(r"\d", statement.text) and _ONLY_A_GROUP.fullmatch(statement.text.rstrip(" .")) and \
                not re.search(rf"(?i)\b{_AUXILIARY}", statement.text) and "price" not in statement.topics and \
                not re.match(r"(?i)(?:\w+\s+)?(?:to|for|from|by|with|at)\s", statement.text) and \
                not re.match(r"(?i)(?:interviewed|talked|spoke|met|called|visited|asked|surveyed|emailed)\b",
                             statement.text):
            who = statement.text.rstrip(" .")
            return who, _span(notes, statement.start, statement.start + len(who))
    # A title naming whom the interviews were with: "Driving instructor interviews (Oct)"
    # (before the problem's subject: "pupils forget the test date" is the instructors' pain, as they told it).
    for statement in statements:
        titled = _TITLE_INTERVIEWS.match(statement.text) if statement.topic == "title" else None
        if titled:
            who = titled.group("who")
            plural = who if who.endswith("s") else who + ("es" if who.endswith(("ch", "sh")) else "s")
            if _ONLY_A_GROUP.fullmatch(plural) or re.search(rf"\b{_PEOPLE_ERS}$", plural.lower()):
                start = statement.start + titled.start("who")
                return _common_case(plural, notes), _span(notes, start, start + len(who))
    # The visits or interviews a sentence reports on: "Quick summary from the dental clinic visits
    # last week", "after 12 operator interviews": the kind of business or person met, in the plural.
    for statement in statements:
        if statement.quote_only or statement.topic in ("open", "risks", "other"):
            continue
        met = _VISITS_TO.search(statement.text)
        head = met.group("head") if met else ""
        if met and (re.fullmatch(_BUSINESS_NOUNS, head) or re.fullmatch(_PEOPLE_ERS, head + "s")):
            start = statement.start + met.start("who")
            return _plural(_common_case(met.group("who"), notes)), _span(notes, start, statement.start + met.end("who"))
    # A title naming the one person the call was with and their role: "Call notes: Tom Reyes, head
    # teacher, Bristol", "Interview with Ana Silva (café owner, Porto)": people in that role, there.
    interviewees = [s for s in statements if s.topic == "interviewee"]
    for statement in statements:
        met = _TITLE_PERSON_ROLE.search(statement.text) if statement.topic == "title" or \
            statement is statements[0] and _title_like(statement) else None
        if statement.topic == "interviewee" and len(interviewees) == 1:
            met = _AN_INTERVIEWEE.fullmatch(statement.text.strip())  # "Interview with: Ana Silva (café owner, Porto)"
        if met:
            role = met.group("role").strip()
            plural = _plural(role) if not role.endswith("s") else role
            if _ONLY_A_GROUP.fullmatch(plural) or re.search(rf"\b{_PEOPLE_ERS}$", plural.lower()):
                place = met.group("place")
                start = statement.start + met.start("role")
                return (f"{plural} in {place}" if place else plural), \
                    _span(notes, start, statement.start + met.end("place" if place else "role"))
    # "Problem: freelancers wait 47 days to get paid", "nurses on night shift swap shifts through a
    # paper book": the people the problem is about, from a problem line or a line about a problem.
    found = _problem_subject(statements, notes, lambda s: s.topic == "problem" or s.topic is None and
                             "problem" in s.topics)
    if found[0]:
        return found
    # "For studio owners who rent kiln space to members.": a line that only says who it is for.
    for statement in statements:
        match = _FOR_LINE.fullmatch(statement.text)
        if statement.topic is None and match:
            start = statement.start + match.start("who")
            return match.group("who"), _span(notes, start, start + len(match.group("who")))
    # Who was interviewed, when nothing else says who the customer is ("Interviews: independent florists, ...").
    for statement in statements:
        if statement.topic == "interviewee" or re.fullmatch(r"(?i)(?:customer\s+)?(?:interviews?|calls?|"
                                                             r"spoke (?:to|with)|talked to)", statement.label or ""):
            match = re.match(rf"(?P<who>(?:[\w+&-]+\s+){{0,3}}(?:{_ROLE_NOUNS}))\b", statement.text, re.IGNORECASE)
            if match:
                start = statement.start
                return match.group("who"), _span(notes, start, start + len(match.group("who")))
    # A title that says whom the calls were with: "customer calls — laundromat owners".
    for statement in statements:
        titled = _CALLS_WITH.search(statement.text) if statement.topic == "title" else None
        if titled and _ONLY_A_GROUP.fullmatch(titled.group("who")):
            start = statement.start + titled.start("who")
            return titled.group("who"), _span(notes, start, start + len(titled.group("who")))
    # Bullet notes often open with who was asked: "- nurses on night shift, 3 hospitals".
    # (After a title line: "LinenLoop" / "Plotwise - kickoff notes 02/12", then "small hotels (10-40 rooms) ...".)
    openings = statements[:2] if statements and _title_like(statements[0]) else statements[:1]
    for opening in openings:
        if opening.topic is None and not opening.quote_only and _LEADING_ROLE.match(opening.text) and \
                not FILLER_LEAD.match(opening.text):  # ("so the pharmacies ...": a chat's filler is no customer)
            # ("Tenants in Zurich flats cannot control heating": who, without what they cannot do)
            who = re.split(rf"[,;(]|\s+{_AUXILIARY}\b", opening.text)[0].strip()
            return _common_case(who, notes), _span(notes, opening.start, opening.start + len(who))
    # A line with a figure about what a group does ("Small water utilities (under 20,000
    # connections) still read meters on foot: 2 readers cover ~9,000 meters").
    found = _problem_subject(statements, notes, lambda s: s.topic is None and bool(re.search(r"\d", s.text)))
    if found[0]:
        return found
    # A problem line about what it costs one business of a kind: "Saturday no-shows cost a grooming
    # salon about €120 a week", "a missed delivery costs the average bakery 2 hours": that kind.
    for statement in statements:
        hit = _COSTS_ONE.search(statement.text) if statement.topic in (None, "problem") and \
            not statement.quote_only and (statement.about("problem") or "loss" in statement.topics) else None
        if hit:
            start = statement.start + hit.start("kind")
            return _plural(_common_case(hit.group("kind"), notes)), _span(notes, start, start + len(hit.group("kind")))
    # A dictated paragraph ("ok so voice memo, walking back from the market. um the stallholders, the
    # veg and cheese people, they all take cash ..."): the group a later sentence of it opens with.
    for statement in statements:
        if statement.topic is not None or statement.quote_only or statement.end - statement.start < 160:
            continue
        # (a dictated sentence may open in lower case: split at each full stop)
        for part in list(re.finditer(r"[^.!?]+[.!?]*", statement.text))[1:]:
            start, end = _trimmed(notes.text, statement.start + part.start(), statement.start + part.end())
            text = notes.text[start:end]
            filler = FILLER_LEAD.match(text)
            offset = filler.end() if filler else 0
            said = PROBLEM_SUBJECT.match(text[offset:])
            head = re.split(r" (?:on|in|at|of|with) ", said.group("who"))[0] if said else ""
            if said and (CUES["problem"].search(text) or CUES["loss"].search(text)) and re.search(r"s\b", head):
                at = start + offset + said.start("who")
                return _common_case(said.group("who"), notes), _span(notes, at, at + len(said.group("who")))
    # Last: the group a share is of ("29% of UK drivers have missed a renewal", "1 in 4 donors ...").
    for statement in statements:
        match = _SHARE_OF_GROUP.search(statement.text)
        if match and not statement.quote_only and statement.topic not in ("market", "open", "risks"):
            start = statement.start + match.start("who")
            return match.group("who"), _span(notes, start, start + len(match.group("who")))
    return None, None


# "we're a Berlin bakery chain", "I run a small dental practice", "I'm a wedding photographer": what
# the speaker's business or trade is.
_BUSINESS_NOUNS = ("chain|business|shop|store|clinic|practice|salon|bakery|restaurant|caf[eé]|bar|pub|agency|firm|"
                   "studio|school|nursery|gym|hotel|hostel|farm|pharmacy|garage|charity|franchise|home|workshop|"
                   "brewery|winery|vineyard|dairy|kiosk|library|club|co-op|cooperative|surgery|practice|company|"
                   "distributor|wholesaler|landlord|mill|marina|boatyard|kennel|cattery|stable|distillery|bookshop|"
                   "lab|laboratory|[a-z]{3,}(?:ist|ian)|[a-z]{3,}(?<!memb)(?<!us)(?<!custom)"
                   "(?<!believ)(?<!lov)(?<!beginn)(?<!partn)(?<!suppli)(?<!lawy)(?<!invest)(?<!employ)er")
_SELF_DESCRIBED = re.compile(rf"(?i)\b(?:we'?re|we\s+are|i'?m|i\s+am|we\s+run|i\s+run|i\s+own|we\s+own)\s+(?:just\s+)?"
                             rf"(?:a|an)\s+(?P<who>(?:[\w'-]+\s+){{0,3}}?(?:{_BUSINESS_NOUNS}))(?=\s*[,.;(]|\s+(?:with|in|of|"
                             r"and|that|who|near|on)\b|\s*$)")


# "a Berlin bakery chain with 9 shops", "an independent bookshop": one business standing for its kind.
_ONE_OF_A_KIND = re.compile(rf"(?i:an?)\s+(?P<kind>(?:[\w'-]+\s+){{0,3}}?(?i:{_BUSINESS_NOUNS}))"
                            r"(?P<rest>(?:\s+(?:with|in|of|near|on)\b.*)?)")
_COSTS_ONE = re.compile(rf"(?i)\b(?:costs?|cost|takes?|loses?)\s+(?:an?|each|every|the average|one)\s+"
                        rf"(?P<kind>(?:(?!(?:about|around|roughly|over|up)\b)[a-z][\w'-]*\s+){{0,2}}?(?:{_BUSINESS_NOUNS}))\b")
_MET_ONE = re.compile(rf"(?i)\b(?:talked|spoke|spoken|met|meeting|call(?:ed)?|chat(?:ted)?|interview(?:ed)?|"
                      rf"visit(?:ed)?)"
                      rf"(?:\s+(?:to|with|w/))?\s+(?:the\s+(?:owner|manager|head|director|founder)\s+of\s+)?"
                      rf"(?:a|an|one)\s+(?P<kind>(?:(?!(?:few|couple|lot|bit|number)\b)[\w'-]+\s+){{0,3}}?"
                      rf"(?:{_BUSINESS_NOUNS}))(?=\s*[,.;(]|\s+(?:with|in|of|near|on|and|that|who)\b|\s*$)")


# "talked to 6 makerspaces", "interviewed 12 hostel owners": the kind the notes met, by count.
_MET_MANY = re.compile(r"(?i)\b(?:talked|spoke|spoken|met|interviewed|called|visited|surveyed)(?:\s+(?:to|with|w/))?\s+"
                       r"(?:\d+|two|three|four|five|six|seven|eight|nine|ten|twelve|several|a few|a dozen)\s+"
                       r"(?P<kind>(?:(?!(?:of|more|other|different)\b)[\w'-]+\s+){0,2}?"
                       r"(?!(?:people|times|minutes|hours|days|weeks|months|years|folks|others|of)\b)"
                       r"[a-z][\w'-]*[a-rt-z]s)(?=\s*[,.:;)]|\s+(?:in|at|from|across|and|who|about|last|this)\b|\s*$)")


# "from the dental clinic visits", "after 12 operator interviews", "in our salon calls": the kind met
# is the words before "visits" (one to three, the last a business or an -er/-or person).
_VISITS_TO = re.compile(r"(?i)\b(?:from|after|during|in|on|at|of)\s+(?:the\s+|our\s+|these\s+|those\s+|\d+\s+)?"
                        r"(?P<who>(?:(?!(?:customer|user|client|discovery|research|sales|site|follow-?up|phone|video|"
                        r"zoom|home|field|first|last|recent|team)\b)[a-z][\w'&-]*\s+){0,2}?(?P<head>[a-z][\w'&-]*?))"
                        r"\s+(?:customer\s+)?(?:interviews|calls|conversations|visits)\b")


def _plural(who: str) -> str:
    """"Berlin bakery chain" -> "Berlin bakery chains", "pharmacy" -> "pharmacies"."""
    if re.search(r"[^aeiou]y$", who):
        return who[:-1] + "ies"
    return who + ("es" if who.endswith(("ch", "sh", "ss", "x")) else "s")


_TITLE_INTERVIEWS = re.compile(r"(?i)^(?:(?:notes|findings|learnings|takeaways)\s+from\s+(?:the\s+|our\s+)?)?"
                               r"(?!(?:customer|user|client|buyer|discovery|research|sales|team|intro|first|"
                               r"follow-?up|more|the|our|my|some|recent|phone|video|zoom|notes?)s?\b)"
                               # ("Notes from salon visits": the salons, not "notes from salons")
                               r"(?P<who>(?:(?!(?:from|with|of|and|for|on|at|in|to)\b)[a-z][\w'&-]*\s+){0,2}?"
                               r"(?!(?:from|with|of|and|for|on|at|in|to)\b)[a-z][\w'&-]*)\s+(?:customer\s+)?"
                               r"(?:interviews|calls|conversations|visits)\b")
_PERSON_ROLE = (rf"(?:(?:Dr|Mr|Ms|Mrs)\.?\s+)?[{UPPER}][\w'’-]+(?:\s+[{UPPER}][\w'’-]+)?"
                 rf"\s*(?:,|\()\s*(?P<role>[{LOWER}][{LOWER}-]*(?:\s+[{LOWER}][{LOWER}-]*){{0,2}}?)"
                 rf"(?:\s*,\s*(?P<place>[{UPPER}][{LOWER}]+(?:[ -][{UPPER}][{LOWER}]+)*))?\s*\)?\s*$")
_TITLE_PERSON_ROLE = re.compile(r"(?i:interview|call|chat|conversation|visit|meeting|notes?)\w*\b[^,:()\n]{0,20}?"
                                r"(?::|\s+with)\s+" + _PERSON_ROLE)
_AN_INTERVIEWEE = re.compile(_PERSON_ROLE)
_USER_STORY = re.compile(r"(?i:as\s+an?)\s+(?P<who>[a-z][\w-]*(?:\s+[a-z][\w-]*){0,2}?)"
                         r"(?=\s*,|\s+(?:managing|running|with|who|at|in|of|on)\b)[^.;\n]{0,80}?,?\s+I\s+(?:want|need)\b")
_EVERY_ONE_I_KNOW = re.compile(r"(?i)\bevery\s+(?P<who>(?:[a-z]+\s+)?(?:[a-z]{3,}(?:ist|ian|er|or)|owner|manager|nurse|"
                               r"teacher|doctor|parent|farmer|driver))\s+(?:I|we)\s+(?:know|met|spoke|talked|asked)\b")
_CALLS_WITH = re.compile(r"(?i)\b(?:customer|user|discovery|research)?\s*(?:calls?|interviews?|conversations?|"
                         # ("Job stories: home care agencies", "Personas — dental practice managers")
                         r"visits?|(?:job|user)\s+stories|personas?|jtbd)\s*(?:with\s+|[—–:-]\s*)"
                         r"(?P<who>[a-z][\w'& -]{2,60}?)\s*$")
_ONLY_A_GROUP = re.compile(rf"(?i)(?:[a-z][\w+&'-]*\s+){{0,3}}(?:{_ROLE_NOUNS})"
                           rf"(?:\s+(?:of|in|at|with|on|who\s+run)\s+[\w+&' -]{{2,60}})?")


_QUOTED_ROLE = re.compile(r"(?i)(?:an?\s+)?(?P<role>(?:[a-z][\w-]*\s+){0,2}?(?:[a-z]{3,}(?:er|or|ist|ian)|"
                          r"owner|manager|nurse|teacher|farmer|driver|secretary|tutor))(?=\s*(?:,|$|\bat\b|\bin\b))")


def _customer_quoted(quotes: list[QuoteFact], notes: Document) -> tuple[str | None, NoteSpan | None]:
    """No line says who the customer is, but a customer quoted says what they do ("— Gary, window
    cleaner, Stockport"): people like them ("window cleaners") are the customer."""
    for quote in quotes:
        match = _QUOTED_ROLE.match(quote.detail or "")
        # (a "tester", "beta user" or "pilot customer" tried the product; what they are is not said)
        if quote.speaker and match and match.group("role").split()[-1].lower() not in things_ending_ers() | {
                "member", "user", "customer", "tester", "testers", "triallist", "pilot"}:
            role = match.group("role")
            found = notes.find(role)
            source = _span(notes, found.start, found.end) if found is not None else None
            return role + ("es" if role.endswith(("ch", "sh", "ss")) else "s"), source
    return None, None


def _title_like(statement: Statement) -> bool:
    """A notes' first line that only names them: a title, a name, a few words with no sentence in them."""
    return statement.topic in ("title", "name") or statement.topic is None and \
        len(statement.text.split()) <= 6 and not re.search(r"[.!?;,:]", statement.text)


# "29% of UK drivers have missed ...", "43% of owners of businesses with under 30 staff said ...",
# "1 in 4 first-time donors never come back": a share of a group, and what the group does.
_SHARE_OF_GROUP = re.compile(
    rf"(?:\b\d+(?:\.\d+)?\s*%\s+of|\b(?:\d+|one|two|three|four)\s+(?:in|out of)\s+(?:\d+|ten|five|four|three))\s+"
    rf"(?:the\s+|our\s+|all\s+)?(?P<who>(?:[\w+&-]+\s+){{0,3}}?(?:{_ROLE_LIKE})"
    rf"(?:\s+(?:of|with|in|at|on)\s+[\w -]{{2,40}}?)?)\s+(?:(?:we|I)\s+\w+\s+)?"
    rf"(?:have|has|had|said|say|says|were|are|was|never|missed|miss|lose|lost|do|did|don't|didn't|reported|report|"
    rf"can't|cannot|spend|spent|wait|waited|gave|give|use|used)\b", re.IGNORECASE)


def _common_case(who: str, notes: Document) -> str:
    """"Tattoo artists" at a line's start is "tattoo artists" mid-sentence; "NHS trusts" stays, and
    so does a place written as an adjective ("Dublin students", "Lagos pharmacies")."""
    from assistant.clarity.lexicon import zipf

    first = who.split()[0]
    if first[:1].isupper() and first[1:].islower() and zipf(first.lower()) >= 3.0 and not place_word(first, notes) \
            and not _demonym(first):
        return first.lower() + who[len(first):]
    return who


@functools.lru_cache(maxsize=512)
def _demonym(word: str) -> bool:
    """"Kenyan farmers", "Brazilian clinics", "Thai hotels": a country's adjective keeps its capital.
    Known by its ending and a country's name that its stem begins (countries only: a region list
    is long enough to begin almost any stem)."""
    import pycountry

    stem = re.match(r"(?P<stem>[A-Z][a-z]{2,}?)(?:ian|an|n|ese|ish|i)$", word)
    if stem is None:
        return False
    names = [c.name for c in pycountry.countries] + [*COUNTRIES]
    return any(name.startswith(stem.group("stem")) for name in names)


# Region names that are also everyday words: "Central kitchens", "Western Union", "Reading" is no place to us.
_GENERIC_REGIONS = {"Bar", "Bay", "Central", "Centre", "Coast", "East", "Eastern", "Lot", "Male", "Most", "North",
                    "Northern", "Pool", "Reading", "Rivers", "South", "Southern", "West", "Western", "Van", "Mary",
                    "Paul", "Jordan", "Capital", "Upper", "Lower", "Islands", "Lakes", "Mountain", "Valley"}


@functools.lru_cache(maxsize=1)
def _region_names() -> frozenset[str]:
    """Countries and their subdivisions (pycountry's ISO 3166 data, shipped in the wheel): "Lagos",
    "Dublin", "Leeds" are places even where a line opens with them."""
    import pycountry

    names = {s.name for s in pycountry.subdivisions} | {c.name for c in pycountry.countries}
    return frozenset(names - _GENERIC_REGIONS) | REGIONS


def place_word(word: str, notes: Document) -> bool:
    """Is a capitalised word a place: a country or region, or a word the notes capitalise
    mid-sentence after "in", "at", "from" or "to" ("open it to Calgary tutors", "launch in Calgary")?"""
    return word in _region_names() or re.search(rf"\b(?:in|at|from|to|near|around)\s+{re.escape(word)}\b",
                                                notes.text) is not None


# A role that says whom only with the business it belongs to: "owners" of what?
_BARE_ROLES = {"owners", "managers", "operators", "staff", "employees", "workers", "teams", "admins"}
# "Düsseldorf kiosks (Büdchen) sell most of their cold drinks ...": a place's kind of business that
# opens a line as its subject.
_PLACED_GROUP = re.compile(rf"^(?P<group>(?P<place>[{UPPER}][\w-]+)\s+(?:[a-z-]+\s+)?[a-z-]{{3,}}s)\b"
                           rf"(?:\s*\([^)]{{1,40}}\))?\s+(?!(?:and|or|of|in|at|for|with|to)\b)[a-z]+")


def _placed_group(statements: list[Statement], notes: Document, product_name: str | None) -> str | None:
    """The kind of business a bare role ("owners") belongs to, when a line opens with it after its
    place: "Düsseldorf kiosks (Büdchen) sell ..." gives "Düsseldorf kiosks"."""
    from assistant.clarity.lexicon import zipf

    for statement in statements:
        if statement.quote_only or statement.topic not in (None, "problem", "customer"):
            continue
        match = _PLACED_GROUP.match(statement.text)
        if match is None or match.group("place") == product_name:
            continue
        place = match.group("place")
        if place_word(place, notes) or zipf(place.lower()) < 3.0 and place.lower() not in _DOC_WORDS:
            return match.group("group")
    return None


_BUSINESSES = re.compile(rf"(?i)(?:[a-z][\w-]*\s+){{0,2}}(?P<kind>[a-z]{{3,}})"
                         rf"(?:\s+(?:in|across|around|near)\s+(?-i:[{UPPER}][{LOWER}'’-]+(?:\s+[{UPPER}][{LOWER}'’-]+)?))?")


_RUNS_SEVERAL = re.compile(rf"(?i)\b(?:runs|owns|manages|run|own|manage|running|managing)\s+"
                           rf"(?:\d{{1,3}}|two|three|four|five|six|seven|eight|nine|ten|a few|several)\s+"
                           rf"(?P<kind>(?:[a-z][\w-]*\s+){{0,2}}[a-z]{{3,}}s"
                           rf"(?:\s+(?:in|across|around|near)\s+(?-i:[{UPPER}][{LOWER}'’-]+(?:\s+[{UPPER}][{LOWER}'’-]+)?))?)")


_OWNS_ONE = re.compile(rf"(?i)\b(?:owns|runs|manages|operates)\s+(?:a|an)\s+"
                       rf"(?P<kind>(?:(?!(?:few|couple|lot|bit|number|team|business)\b)[\w'-]+\s+){{0,2}}?"
                       rf"(?:{_BUSINESS_NOUNS}))(?=\s*[,.;()]|\s+(?:with|in|of|near|on|and|that|who|outside)\b|\s*$)")


def businesses(lead: str) -> bool:
    """"Care homes in Leeds", "Independent pharmacies": a kind of business, in the plural, where
    it is; a label ("TL;DR", "Pain points") is not."""
    found = _BUSINESSES.fullmatch(lead)
    if found is None or label_topic(lead) is not None:
        return False
    kind = found.group("kind").lower()
    singular = kind[:-3] + "y" if kind.endswith("ies") else kind[:-1] if kind.endswith("s") else ""
    return bool(singular) and re.fullmatch(rf"(?:{_BUSINESS_NOUNS})", singular) is not None


# A chat's or a dictation's first word that says nothing: "so the pharmacies in Nairobi ...", "and nobody ..."
FILLER_LEAD = re.compile(r"(?i)^(?:so|and|but|well|ok(?:ay)?|also|btw|anyway|basically|right|yeah|um|uh)\b[,\s]+")


def _problem_subject(statements: list[Statement], notes: Document, about: Callable[[Statement], bool]
                     ) -> tuple[str | None, NoteSpan | None]:
    for statement in statements:
        if about(statement) and not statement.quote_only:
            # after a short label the line itself left in ("TL;DR: laundromat owners can't see ...",
            # "The short version: small vet clinics lose ...")
            # ("**Top theme (38% of tickets):** landlords in Glasgow can't see ...": its figure in brackets)
            lead = re.match(r"[*_]{0,2}(?:[A-Za-z;]{1,10}\s){0,3}[A-Za-z;]{2,10}(?:\s*\([^()\n]{1,40}\))?:[*_]{0,2}\s+",
                            statement.text)
            offset = 0
            match = PROBLEM_SUBJECT.match(statement.text)
            glossed = translated_subject(statement.text) if match is None else None
            if glossed is not None:
                # "padarias em Lisboa (bakeries in Lisbon) throw away 12% ...": the English words name them
                said = PROBLEM_SUBJECT.match(glossed.group("english") + " " + glossed.group("rest"))
                if said and len(said.group("who")) <= len(glossed.group("english")):
                    start = statement.start + glossed.start("english")
                    return _common_case(said.group("who"), notes), _span(notes, start, start + len(said.group("who")))
            filler = FILLER_LEAD.match(statement.text) if match is None and not lead else None
            opening = lead or filler
            if match is None and opening:
                offset = opening.end()  # (and a chat's "so the pharmacies in Nairobi ...")
                match = PROBLEM_SUBJECT.match(statement.text[offset:])
                share = _SHARE_OF_GROUP.match(statement.text[offset:]) if match is None else None
                if share:  # "Bike theft in Amsterdam: 1 in 4 riders had a bike stolen": the riders
                    start = statement.start + offset + share.start("who")
                    return share.group("who"), _span(notes, start, start + len(share.group("who")))
            head = re.split(r" (?:on|in|at|of|with) ", match.group("who"))[0] if match else ""
            if match and re.search(r"s\b|\b(?:staff|people|personnel|children|folk)\b", head):  # a group, not one
                start = statement.start + offset + match.start("who")
                if offset and businesses(statement.text[:offset].rstrip(": ")):
                    # "Care homes in Leeds: night staff miss medication rounds": the staff of those
                    # businesses, "night staff at care homes in Leeds", not any night staff
                    where = statement.text[:offset].rstrip(": ")
                    return (f"{_common_case(match.group('who'), notes)} at {_common_case(where, notes)}",
                            _span(notes, statement.start, start + len(match.group("who"))))
                return _common_case(match.group("who"), notes), _span(notes, start, start + len(match.group("who")))
    return None, None


# "Kühlwache", "Ñandú", and a name with a plus, "Fournil+"
_NAME_WORD = rf"[{UPPER}][A-Za-z0-9{LOWER}{UPPER}]*(?:[-.][A-Za-z0-9{LOWER}{UPPER}]+)*\+?"
# "ShelfSense - a camera", "PayPilot: chases", "ShelfSense counts", "ShelfSense is": a name that opens a line.
_LEADING_NAME = re.compile(rf"^(?P<name>{_NAME_WORD}(?:\s+{_NAME_WORD})?)[*_]{{0,2}}(?P<sep>\s*[-–—:]\s+|"
                           rf",\s+(?=(?:a|an|the)\s|[a-z]+[^s\W]s\s)|\.\s+(?=[A-Z])|\s+(?=[a-z])|"
                           # "ReadUp (after-school reading program) — planning notes": a coinage, then what it is
                           rf"\s+(?=\([^)\n]{{3,60}}\)))")
# TableTurn, ShelfSense, iPhone-like coinages, and one ending in a capital ("RideQ", "PayX")
_CAMEL = re.compile(r"^[A-Z]?[a-z]+(?:[A-Z][a-z0-9]+)*(?:[A-Z][a-z0-9]+|[A-Z][0-9]*)$")
# What a product does after its name: "ShelfSense counts", "ChairFill texts patients" (not "ChairFill for now").
THIRD_PERSON = re.compile(r"^(?:is|will|would|can|could|lets|helps|counts|\w+[^s\W]s)\b")
# What a product does in an idea line ("Concept: Nudge sends polite reminders"): an ordinary word
# that opens the line and is followed by one of these is the product's name. Plural nouns end in -s
# too ("Smart reminders for ..."), so the verbs are listed, not guessed from the ending.
_PRODUCT_VERB = re.compile(
    r"^(?:sends|texts|emails|calls|tracks|finds|shows|tells|reminds|counts|lists|scans|reads|writes|books|checks|"
    r"flags|alerts|matches|turns|gives|keeps|watches|learns|predicts|suggests|chases|handles|collects|pays|orders|"
    r"reorders|connects|syncs|saves|answers|routes|schedules|notifies|detects|monitors|measures|summari[sz]es|"
    r"drafts|translates|records|logs|sorts|automates|replaces|offers|pulls|plans|spots|warns|nudges|fills|files|"
    r"lets|helps|makes|takes|puts|brings|pairs|compares|estimates|prices|quotes|verifies|captures|"
    r"transcribes|organi[sz]es|manages|runs|builds|creates|generates)\b")
# The kind of thing a product is, not its name: "App sends reminders" names nothing.
_PRODUCT_KINDS = {"app", "tool", "platform", "service", "bot", "assistant", "dashboard", "plugin", "extension",
                  "widget", "sensor", "camera", "device", "system", "software", "website", "site", "model", "agent",
                  "engine", "portal", "kiosk", "feature", "product", "it", "this", "that", "we", "our", "everyone",
                  "nobody", "someone", "customer", "user", "team", "robot", "api", "bracelet", "tablet", "chatbot"}
_NOT_A_PRODUCT = re.compile(r"\b(?:with|into|on|via|use|uses|used|using|tried|from|like|than|and|or|to)\s+$", re.I)


_DOC_WORDS = {"prfaq", "pr", "faq", "faqs", "press", "release", "headline", "subheading", "subheadline", "summary",
              "title", "notes", "note", "idea", "concept", "draft", "intro", "introduction", "overview", "dateline",
              "fwd", "fw", "re",
              # notes, minutes and a meeting in the languages notes mix in ("Notas — mercado de ...")
              "notas", "notizen", "apuntes", "acta", "actas", "minuta", "minutes", "reunión", "reunion", "reunião",
              "besprechung", "protokoll", "appunti", "verbale", "memo", "agenda", "résumé", "resumen", "resumo",
              # a meeting's or a call's kind ("# Kickoff: courier lockers", "Entrevistas - lavanderías")
              "kickoff", "kick-off", "meeting", "sync", "standup", "stand-up", "workshop", "brainstorm", "recap",
              "debrief", "retro", "interviews", "entrevistas", "entrevista", "entretiens", "interviste", "visits",
              "visitas", "llamada", "chamada", "call", "calls"}
# A finished document's sections ("## Customer FAQ"), not a label for the notes under a heading.
_DOCUMENT_PARTS = {"prfaq", "pr", "faq", "faqs", "press", "release", "internal", "external"}


def coined(word: str) -> bool:
    """A word the notes made up: CamelCase ("ShelfSense") or no English word at all ("Clinicly")."""
    from assistant.clarity.lexicon import zipf

    word = _unaccented(word)  # "BásculaPay" is made up as "BasculaPay" is
    if _CAMEL.match(word):
        return True
    return bool(re.fullmatch(r"[A-Z][a-z]{3,}", word)) and zipf(word.lower()) < 2.0


def _unaccented(word: str) -> str:
    import unicodedata

    return "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))


# The name the notes end on: "renamed -> Tally", "rename it to Tally", "everything from now on says
# Tally", "Ana proposed the name RoomRelease", "surf school booking thing — name: TideSlot". Running
# notes change their minds; the last such name wins over the working name they opened with.
_FINAL_NAME = re.compile(r"(?:\b(?i:renamed|rename(?:\s+it)?)\s*(?:->|→|=>|\bto\b|:)|"
                         r"\b(?i:from now on (?:says|is called|it's)|now called|new name(?:\s+is)?:?|"
                         r"(?:proposed|suggested|agreed on|chose|picked)\s+the\s+name)|"
                         r"(?:[—–,;|]|\s-)\s*(?i:name)\s*[:=])"
                         r"\s*[*_\"“']{0,2}(?P<name>[A-Z][^\W_]+(?:[ -][A-Z][^\W_]+)?)")


def _final_name(statements: list[Statement]) -> str | None:
    names = [m.group("name") for s in statements if not s.quote_only and s.topic not in ("other", "dependencies")
             for m in _FINAL_NAME.finditer(s.text) if not placeholder(m.group("name")) and
             not _NAME_RULED_OUT.search(s.text[m.end():m.end() + 40])]
    return names[-1] if names else None


# An idea that opens on a thing in quotation marks: 'A "Homework Buddy" inside the app', "The
# 'Night Shift' mode": a name, in capitals, set off as one.
_QUOTED_NAME = re.compile(r"\W*(?i:an?|the|our|a new)\s+[\"“'‘]"
                          r"(?P<name>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2})[\"”'’]\s")


def _leading_name(statement: Statement, labelled_name: bool, idea_line: bool = False) -> str | None:
    """The product's name opening an idea line, on enough evidence: a name label, or a coined
    word, or a capitalised word set off by a dash or colon that is no common English word, or (on
    an idea line) a capitalised word doing what products do ("Concept: Nudge sends ...").
    "Idea: Smart reminders for ..." names nothing: "Smart" is an ordinary word at a sentence start."""
    from assistant.clarity.lexicon import zipf

    match = _LEADING_NAME.match(statement.text)
    quoted = _QUOTED_NAME.match(statement.text) if idea_line else None
    if quoted:
        return quoted.group("name")  # 'A "Homework Buddy" inside the Lernwerk app: ...': the author names it
    coined_first = re.match(rf"(?P<name>{_NAME_WORD}),\s+(?=[a-z])", statement.text) if idea_line else None
    if match is None and coined_first and coined(coined_first.group("name")) and \
            coined_first.group("name").lower() not in _DOC_WORDS:
        return coined_first.group("name")  # "idea: LockBox, parcel lockers in apartment lobbies ..."
    # "Inkdeposit 🖋️": the name, not the emoji ("Fournil+" keeps its plus)
    alone = re.sub(r"[^\w\s'’.+-]+", "", statement.text).strip(" .")
    if not match:
        return alone if re.fullmatch(r"[A-Z]\w+\+?", alone) and (labelled_name or coined(alone.rstrip("+"))) and \
            alone.lower() not in _DOC_WORDS else None
    name, dashed = match.group("name"), bool(match.group("sep").strip())
    words = name.split()
    if statement.text[match.end():].startswith("("):
        if not (len(words) == 1 and coined(name)):
            return None  # "Background (from ward visits)": only a made-up word is named by what follows in brackets
        dashed = True
    rest = statement.text[match.end():]
    if labelled_name:
        return name
    # "Lean Canvas: LiftLog", "LEAN CANVAS — CribShare (v2)": a title that says what kind of page it
    # is, in ordinary words, then the name (a made-up word, alone but for a version in brackets)
    after = re.sub(r"\s*\([^)]*\)\s*$", "", rest).strip(" .*_")
    if dashed and re.fullmatch(_NAME_WORD, after) and coined(after.rstrip("+")) and \
            not any(coined(word) for word in words):
        return after
    # ("Permit Renew — renew a permit online ...": two capitalised words set off by a dash are the name)
    two_word_name = dashed and len(words) == 2 and re.match(r"\s*[-–—]", statement.text[len(name):]) is not None \
        and not (words[1].endswith("s") and not words[1].endswith("ss")) and not coined(words[0]) \
        and not words[1].isupper()  # ("RouteLedger API —": a coined name, then what kind of thing it is)
    if len(words) == 2 and not coined(words[1]) and not _CAMEL.match(words[1]) and not two_word_name:
        name, words = words[0], words[:1]  # "ShelfSense Pro" is rare; "PayPilot chases" is the usual shape
        rest = statement.text[len(name):].lstrip()
    if words[0].lower() in _DOC_WORDS or words[0].isupper():
        return None  # "PRFAQ: ...", "Subheading: ...", "MCP - ...": the document's words or an acronym
    plural = words[0].endswith("s") and zipf(words[0][:-1].lower()) > zipf(words[0].lower())
    if idea_line and len(words) == 1 and not plural and not dashed and words[0].lower() not in _PRODUCT_KINDS \
            and zipf(words[0].lower()) < 4.5 and _PRODUCT_VERB.match(rest):
        return name
    if not coined(words[0]) and not (dashed and not plural and zipf(words[0].lower()) < 4.5):
        return None  # "Reminders - one tap", "Smart - ...": ordinary words, not names
    if dashed or THIRD_PERSON.match(rest) or re.match(r"(?:a|an|the)\b", rest):
        return name
    return None


# "name: Keepsake? already taken. Going with Farewell Board": the name chosen, not the one ruled out.
_CHOSEN_NAME = re.compile(r"(?i:going with|go with|went with|settled on|decided on|chose|picked|final(?:ly)?:?)\s+"
                          r"[\"“']?(?P<name>[A-Z][\w-]+(?:\s+[A-Z][\w-]+)?)")


# A name line that rules its name out, or says there is none yet.
_NAME_RULED_OUT = re.compile(r"(?i)\b(?:tbd|tba|is taken|was taken|already taken|taken by|rejected|ruled out|"
                             r"hated|no name yet)\b")


# What notes write where a name will go: never a name, whatever its case or brackets.
_PLACEHOLDER = re.compile(r"(?i)^\W*(?:tbd|tba|tbc|todo|to ?do|to be (?:decided|confirmed|named|agreed)|none(?: yet)?|"
                          r"n/?a|unknown|xxx+|placeholder|untitled|pending|nothing yet|not yet|later|\?+)\W*$")


def placeholder(name: str) -> bool:
    """"TODO", "[TBD]", "n/a", "???": a gap where a name will go, not a name."""
    return bool(_PLACEHOLDER.match(name))


def _mostly_someone_elses(name: str, notes: Document) -> bool:
    """Whether the notes mostly speak of `name` as a tool in use ("integrates with Xero or ...",
    "they use Calendly"), not as the thing we build ("SitterSafe? or Nightlight, leaning Nightlight")."""
    said = [m.start() for m in re.finditer(rf"\b{re.escape(name)}\b", notes.text)]
    used = sum(1 for start in said if _NOT_A_PRODUCT.search(notes.text[max(0, start - 12):start]))
    return used * 2 > len(said)


def _named_enough(name: str, statement: Statement, notes: Document) -> bool:
    """A name that opens a line is the product's on enough evidence: a CamelCase coinage; a made-up
    word said twice or doing what products do; a rare word ("Nightlight") said twice and set before
    what it does."""
    from assistant.clarity.lexicon import zipf

    if _CAMEL.match(name.split()[0]):
        return True
    said = len(re.findall(rf"\b{re.escape(name)}\b", notes.text))
    does = _does_what_products_do(statement.text, name)
    if coined(name):
        return said >= 2 or does
    return len(name.split()) == 1 and zipf(name.lower()) < 3.0 and said >= 2 and does


def _does_what_products_do(text: str, name: str) -> bool:
    """"Tallyho reads each dev's commits ...", "Lambwatch: thermal camera in the shed": a made-up
    word doing what a product does, or set before what it is."""
    rest = text[len(name):]
    return bool(_PRODUCT_VERB.match(rest.lstrip()) or re.match(r"\s*[:—–-]\s+\S", rest) or _IS_A_KIND.match(rest))


# "Slotty is a shared booking page", "Ferrylog is an app for ...": a made-up word said to be a kind of product.
_IS_A_KIND = re.compile(r"\s+(?:is|will be|would be)\s+(?:a|an)\s+(?:[\w-]+\s+){0,3}?(?:app|tool|platform|service|"
                        r"bot|assistant|dashboard|plugin|extension|widget|sensor|camera|device|system|website|site|"
                        r"page|portal|kiosk|product|marketplace|subscription|chatbot|api|library|kit|box|link|"
                        r"tracker|scanner|planner|calendar|inbox|feed|network|map|card|wallet|label|tag)s?\b")


_COINED_APPOSITIVE = re.compile(r"(?<![\w-])[\"“']?(?P<name>[A-Z][a-z]+(?:[A-Z][a-z0-9]+)+)[\"”']?,\s+"
                                r"(?=(?:a|an|which|that)\s)")
_COINAGE = re.compile(r"\b[A-Z][a-z]+(?:[A-Z][a-z0-9]+)+\b|\b[A-Z][a-z]{3,}\b")


def _most_said_coinage(statements: list[Statement], notes: Document, speakers: set[str]) -> str | None:
    """No line names it in a shape we know: the made-up word the notes keep using ("... with
    Ferrylog", "Ferrylog would ...") is its name, said at least twice, and not a person's, a
    partner's or a tool the notes use ("integrates with Xero")."""
    from collections import Counter

    elsewhere = " ".join(s.text for s in statements if s.topic in ("dependencies", "leader", "interviewee"))
    said = Counter(m.group() for m in _COINAGE.finditer(notes.text))
    ranked = [(count, word) for word, count in said.items()
              if count >= 2 and (_CAMEL.match(word) or coined(word)) and word.lower() not in _DOC_WORDS
              and word not in speakers and word not in elsewhere and not _mostly_someone_elses(word, notes)]
    return max(ranked)[1] if ranked else None


def _product_name(statements: list[Statement], notes: Document) -> tuple[str | None, bool]:
    """The name the notes give the product: a name label ("Product: X"), "working name X" /
    "called X", an idea or concept line that opens with a name ("Idea: ShelfSense - ..."), or a
    coined CamelCase word the notes use as a subject ("TableTurn texts every guest")."""
    final = _final_name(statements)
    if final is not None:
        return final, False
    for statement in statements:
        # "Let's just decide the name: I'd go with Smycz.": a sentence about the name that picks one
        chosen = _CHOSEN_NAME.search(statement.text) if statement.topic is None and not statement.quote_only and \
            re.search(r"(?i)\bnames?\b", statement.text) else None
        if chosen and not placeholder(chosen.group("name")) and \
                not _NAME_RULED_OUT.search(statement.text[chosen.end():]):
            return chosen.group("name"), False
    for statement in statements:
        if statement.topic == "name" and _NAME_RULED_OUT.search(f"{statement.label or ''} {statement.text}") and \
                not _CHOSEN_NAME.search(statement.text):
            continue  # "name tbd: PourPulse is taken by a US company": no name yet
        if statement.topic == "name":
            chosen = _CHOSEN_NAME.search(statement.text)
            name = chosen.group("name") if chosen else \
                re.split(r"[.,;(?]| [-–—] ", statement.text)[0].strip().strip("\"“”'")
            # Labelled, a lower-case name is the name as written ("working title: snag", "stoa").
            if name and len(name.split()) <= 4 and re.match(r"[A-Za-z0-9]", name) and not placeholder(name):
                return name, "working" in (statement.label or "").lower() or "code" in (statement.label or "").lower()
        match = PRODUCT_NAME.search(statement.text)
        # ('"Gota" app: book a slot' opens with a quote mark, and is a note, not a quote)
        if match and match.group("concept") and not coined(match.group("concept")) and \
                not re.match(r"[\"”']?[.;:—–]", statement.text[match.end("concept"):]):
            match = None  # "the idea is Simple, which ...": an ordinary word, unless it stands alone
        if match and (not statement.quote_only or match.group("quoted")) and not placeholder(product_name_in(match)):
            return product_name_in(match), "working" in match.group().lower() or "code" in match.group().lower()
    # an idea line that opens with a name before a title does ("# Kickoff: courier lockers" is the
    # meeting's title; "idea: LockBox, parcel lockers ..." names the product)
    for topic in ("idea", "title"):
        for statement in statements:
            if statement.topic == topic and not statement.quote_only:
                name = _leading_name(statement, labelled_name=False, idea_line=statement.topic == "idea")
                if name:
                    return name, False
    for statement in statements:
        built = BUILD_NAME.search(statement.text)
        if built and not statement.quote_only and coined(built.group("name")):
            return built.group("name"), False  # "We want to build PrepCast, which ..."
    for statement in statements:
        # "so: FrostGuard, a temperature sensor ...", "What we discussed is LunchPay, which lets ...": a
        # CamelCase coinage set before what it is, inside a line (not a tool the customers use)
        coinage = _COINED_APPOSITIVE.search(statement.text)
        if coinage and not statement.quote_only and statement.topic in (None, "idea", "name") and \
                not _mostly_someone_elses(coinage.group("name"), notes) and \
                not re.match(r"\W*(?:which|that)\s+(?:they|we|customers|everyone|most)\b",
                             statement.text[coinage.end():]):
            return coinage.group("name"), False
    for statement in statements:
        if statement.quote_only or statement.topic in ("dependencies", "customer", "leader", "other", "interviewee"):
            continue  # ("Call with Giorgos, owns an olive mill": whom we met, not what we build)
        name = _leading_name(statement, labelled_name=False)
        if name and _named_enough(name, statement, notes) and not _mostly_someone_elses(name, notes) and \
                not _NAME_RULED_OUT.search(statement.text):
            return name, False
    return _weighed_name(statements)


def _weighed_name(statements: list[Statement]) -> tuple[str | None, bool]:
    """'TODO name check: "GrainPost" vs "Grainpost" vs "grain.post"' in notes titled "grainpost --
    notes": the spellings the notes weigh, one of them a coinage the title itself is named by. The
    working name, on two pieces of evidence; one alone is not enough."""
    titled = {words[0].lower() for s in statements if s.topic == "title"
              if (words := re.findall(r"[\w.]+", s.text))}
    for statement in statements:
        if not (statement.label and re.search(r"(?i)\bnames?\b", statement.label)):
            continue
        for candidate in re.findall(r"[\"“]([^\"“”\s]{2,30})[\"”]", statement.text):
            if candidate.lower() in titled and coined(candidate):
                return candidate, True
    return None, False


_LEADER_SENTENCE = re.compile(r"(?P<name>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){1,2}),\s*(?P<title>[^,]{2,60}),\s*"
                              r"(?:will|is|to)\s+(?:be\s+)?(?:the\s+|our\s+)?(?:spokes\w*|sponsor|leader|lead|"
                              r"speak\w*|quoted|present\w*)")
# "Sam Price would lead it as head of growth", "Ana Ruiz will own this": who leads it, said in passing.
_LEADS_IT = re.compile(rf"(?P<name>[A-Z][\w'’-]+(?:\s+{_NAME_PARTICLES}[A-Z][\w'’-]+){{1,2}})"
                       # "Inês Costa (CEO) will lead it", "Dana Ruiz, our GM, will run it": the title beside
                       r"(?:\s*\((?P<paren>[^()\n]{2,40})\)|,\s*(?P<between>[^,\n]{2,40}),)?\s+"
                       r"(?:(?:(?:would|will|is going to|is to|'ll)\s+"
                       r"(?:lead|own|run|head|sponsor)\s+(?:it|this|the (?:project|product|launch|pilot))|"
                       # "Funmi Okafor runs ops": who runs it now
                       r"(?:runs|leads|owns|heads)\s+(?:it|this|ops|operations|the (?:project|product|launch|pilot))|"
                       # "Tom Pryce (founder) fronts it", "Ana will front the launch": the face of it
                       r"(?:(?:will|would|'ll|to)\s+)?(?:fronts?|front(?:ing)?)\s+(?:it|this|the (?:launch|product|"
                       r"announcement|pr)))\b"
                       r"(?:\s+as\s+(?:the\s+|our\s+)?(?P<title>[^,.;]{2,60}?))?(?=$|[,.;]|\s+(?:and|but)\b)|"
                       # in the notes' other language: "Inês Costa (CEO) vai liderar o projeto"
                       rf"(?i:{leads_it_pattern()})\b[^,.;\n]{{0,60}})")
_FIRST_NAME_LEADS = re.compile(r"(?:^|(?<=[.;:]\s))(?P<first>[A-Z][a-z]+)\s+(?:will|would|'ll|is going to|to)\s+"
                               r"(?:own|lead|run|head|drive)\s+(?:it|this|the\s+(?:project|product|launch|pilot|"
                               r"rollout|roll-out))\b")
_EXEC_TITLE = (r"(?i:(?:co-?)?founder(?:\s+(?:and|&)\s+ceo)?|ceo|cto|coo|cpo|cfo|chief\s+\w+\s+officer|"
               r"head\s+of\s+\w+(?:\s+(?-i:[A-Z])\w+)?|"
               r"vp(?:\s+of)?\s+\w+|(?:managing\s+)?director(?:\s+of\s+\w+)?|general\s+manager|"
               # "Jo Mendes (PM)", "Jo Mendes, product owner", "engineering manager": who runs the work
               r"(?:product|project|program|programme|engineering|delivery|tech|technical)\s+(?:lead|manager|owner)|"
               r"(?-i:PM|TPM|EM))")
_SIGNED = re.compile(rf"[—–]+\s*(?P<name>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){{1,2}}),\s*(?P<title>{_EXEC_TITLE})"
                     r"(?:,\s*[^,\n]{1,40})?\.?")
_NAMED_TITLE = re.compile(rf"(?P<name>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){{1,2}}),\s*(?P<title>{_EXEC_TITLE})\.?")
# "Tom Reilly CEO", "Tom Reilly, CEO": a line that is only a name and a title
_NAME_AND_TITLE = re.compile(rf"(?P<name>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){{1,2}}),?\s+(?P<title>{_EXEC_TITLE})\.?")
# "Rohan Mehta (Head of Platform)": a name and its title in brackets
_NAME_PAREN_TITLE = re.compile(r"(?P<name>(?:(?:Dr|Mr|Ms|Mrs|Prof)\.?\s+)?[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){1,2})\s*"
                               rf"\((?P<title>(?:{_EXEC_TITLE})[^)]{{0,40}})\)\.?")
_NAME_DASH_TITLE = re.compile(rf"(?P<name>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){{1,2}})\s+[-–—]\s+"
                              rf"(?P<title>{_EXEC_TITLE})\.?")
# "led by Marta Silva, product lead", "owned by Sam Okoro (Head of Ops)": who leads it, said in passing
_LED_BY = re.compile(rf"(?i:\b(?:led|owned|run|driven|sponsored)\s+by)\s+"
                     rf"(?P<name>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){{1,2}})"
                     rf"(?:,\s*|\s*\(|\s+[-–—]\s+)(?P<title>{_EXEC_TITLE})")
# "I'd lead it. — Wanjiru Kamau, Head of Schools Partnerships": who signs the line that says "I lead"
_SIGNED_AFTER = re.compile(r"[—–]+\s*(?P<name>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){1,2}),\s*"
                           r"(?P<title>[^,\n]{2,60}?)\.?\s*$")
_SIGNATURE_TITLE = re.compile(rf"(?P<title>{_EXEC_TITLE})(?:,\s*[^,\n]{{1,40}})?")
_I_LEAD = re.compile(r"(?i)\bI(?:'ll| will|'m going to| am going to|'d| would| can| could)\s+(?:own|lead|run|drive)\s+"
                     r"(?:this|it|the (?:pilot|project|launch|product))\b"
                     r"(?:\s+as\s+(?:the\s+)?(?P<title>[a-z][a-z ]{1,40}?))?(?=\s*(?:$|[.,;!]|[^\w\s]))")


# A chat export's line, its writer before the words: "[12/10/26, 08:14:22] Kofi Mensah: guys ...",
# "10:02 AM maya: ...".
_CHAT_LINE_AUTHOR = re.compile(r"^\s*[\[(]?(?:\d{1,2}/\d{1,2}/\d{2,4},?\s*)?\d{1,2}:\d{2}(?::\d{2})?\s*"
                               r"(?:[AaPp]\.?[Mm]\.?)?[\])]?\s*[-–—]?\s*(?P<name>[A-Za-z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,2})"
                               r"\s*:\s", re.MULTILINE)


def _chat_authors(notes: Document) -> set[str]:
    """Every word of the names that wrote a chat export's lines ("Kofi", "Mensah", "Owusu"): a
    person's name said on every line is no product's name."""
    return {word for match in _CHAT_LINE_AUTHOR.finditer(notes.text) for word in match.group("name").split()}


def _chat_author(notes: Document, at: int) -> str | None:
    """Who wrote the chat message at `at`: the writer on its own line, or the name in the nearest
    message header above it."""
    line_start = notes.text.rfind("\n", 0, at) + 1
    inline = _CHAT_LINE_AUTHOR.match(notes.text, line_start)
    if inline and inline.end() <= at + 1:
        return inline.group("name")
    above = notes.text[:at].rstrip("\n").split("\n")
    for line in reversed(above[:-1] if above and not _CHAT_HEADER.match(above[-1]) else above):
        if _CHAT_HEADER.match(line):
            name = re.search(r"[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,2}", line.replace("*", "").replace("_", ""))
            return name.group() if name else None
    return None




# "Team: Calum Reid (product), 2 engineers": the person named first, with a leading role, leads it
_TEAM_LEAD = re.compile(r"(?i:\W*(?:the\s+)?(?:team|squad|people|staffing)\s*:\s*)"
                        r"(?P<name>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){1,2})\s*\((?P<title>"
                        r"(?i:[^)]*\b(?:product|pm|lead|head|founder|owner|gm|manager|director)\b[^)]*))\)")


def _leader(statements: list[Statement], notes: Document) -> Person | None:
    """Who speaks for the product: a "Leader:" / "Sponsor:" line ("Dana Ruiz, general manager"
    or "Dana Ruiz (GM)"), or a sentence naming the spokesperson ("Omar Haddad, CEO, will be the
    spokesperson")."""
    for statement in statements:
        if statement.topic == "leader" and not statement.quote_only:
            # ("PM: Aisha Khan. Eng lead: Tom Byrne.": the next label's value is someone else's)
            text = re.sub(r"\.\s+[A-Z][\w -]{0,30}:\s.*$", "", statement.text).rstrip(".")
            paren = re.fullmatch(r"(?P<name>[^(]+?)\s*\((?P<title>[^)]+)\)", text)
            name, title = (paren.group("name"), paren.group("title")) if paren else text.partition(",")[::2]
            if not title.strip() and statement.label and re.search(r"(?i)\b(?:head|vp|vice|director|chief|lead|"
                                                                   r"manager|owner|gm|ceo|cto|coo|cpo|pm|tpm|gpm)\b",
                                                                   statement.label):
                title = statement.label  # "Head of product: Karin Lund": the label is her title
            if _PERSON.fullmatch(name.strip()):
                return Person(name=name.strip(), title=title.strip() or None,
                              source=_span(notes, statement.start, statement.end))
            leads = _PERSON_WHO_LEADS.match(statement.text)
            if leads and _PERSON.fullmatch(leads.group("name")):
                # "Keisha Brandt leads (product + research). Tomás Reyes advising ...": the first person
                what = leads.group("what")
                return Person(name=leads.group("name"), title=f"lead ({what})" if what else "lead",
                              source=_span(notes, statement.start + leads.start("name"), statement.start + leads.end()))
    for statement in statements:
        match = _LEADER_SENTENCE.search(statement.text)
        if match and not statement.quote_only:
            start = statement.start + match.start("name")
            return Person(name=match.group("name"), title=match.group("title").strip(),
                          source=_span(notes, start, statement.start + match.end("title")))
    # Who signed the notes with a title: "— Aisha Raman, CEO" on a line of its own (not after a quote),
    # or an e-mail's signature block ("Tom Pascoe" / "Founder, Moorpay").
    for index, statement in enumerate(statements):
        signed = _SIGNED.fullmatch(statement.text.strip()) if not statement.quote_only else None
        if signed is None and re.fullmatch(r"(?i)(?:document\s+|product\s+|service\s+)?owner|author|dri|pm|"
                                           r"written by|from", re.sub(r"^\W+", "", statement.label or "")):
            # "Owner: Callum Reid, Head of Product", "owner: Rohan Mehta (Head of Platform)", and under
            # a heading "## 👤 Owner", "Femke Jansen — founder"; a memo's "From: Jonas Weber, Head of
            # Growth, Lernwerk" (its author, with the company after the title)
            own = re.sub(r",\s*[A-Z][\w&.'’ -]{1,40}$", "", statement.text.strip()) \
                if (statement.label or "").lower() == "from" else statement.text.strip()
            signed = _NAMED_TITLE.fullmatch(own) or _NAMED_TITLE.fullmatch(statement.text.strip()) or \
                _NAME_PAREN_TITLE.fullmatch(statement.text.strip()) or \
                _NAME_DASH_TITLE.fullmatch(statement.text.strip())
        if signed is None and not statement.quote_only:
            signed = _LED_BY.search(statement.text)  # "led by Marta Silva, product lead"
        owner = re.match(r"(?i)\W*(?:[a-z]+\s+){0,2}(?:owner|lead|sponsor|dri)\s*:\s*", statement.text) \
            if signed is None and statement.topic is None and not statement.quote_only else None
        if owner:  # "Service owner: Karen Doyle, Head of Digital Services." (a label the notes coined)
            rest = statement.text[owner.end():].strip()
            signed = _NAMED_TITLE.fullmatch(rest) or _NAME_PAREN_TITLE.fullmatch(rest) or \
                _NAME_DASH_TITLE.fullmatch(rest)
        team = _TEAM_LEAD.match(statement.text) if signed is None and statement.topic is None and \
            not statement.quote_only else None
        if team:  # "Team: Calum Reid (product), 2 engineers, 1 vet advisor": who leads the team
            title = team.group("title").strip()
            # (a bare function, "(product)", is the lead of it: "product lead")
            title = f"{title} lead" if re.fullmatch(r"(?i)product|engineering|design|operations|ops", title) else title
            return Person(name=team.group("name"), title=title,
                          source=_span(notes, statement.start + team.start("name"), statement.start + team.end()))
        if signed is None and statement.topic is None and not statement.quote_only:
            # "Tom Reilly CEO", "Femke Jansen — founder" on a line of its own
            signed = _NAME_AND_TITLE.fullmatch(statement.text.strip()) or \
                _NAME_DASH_TITLE.fullmatch(statement.text.strip())
        if signed:
            return Person(name=signed.group("name"), title=signed.group("title"),
                          source=_span(notes, statement.start, statement.end))
        following = statements[index + 1] if index + 1 < len(statements) else None
        titled = _SIGNATURE_TITLE.fullmatch(following.text.strip()) if following is not None and \
            following.line == statement.line + 1 else None
        if titled and following is not None and statement.topic is None and \
                re.fullmatch(r"[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){1,2}", statement.text.strip()):
            return Person(name=statement.text.strip(), title=titled.group("title"),
                          source=_span(notes, statement.start, following.end))
    for statement in statements:
        # "**Niamh Kelly** 9:33 AM" / "I'll own this as product lead 👍": a chat message's writer leads
        mine = _I_LEAD.search(statement.text)
        signed_after = _SIGNED_AFTER.search(statement.text) if mine else None
        if mine and signed_after:  # "I'd lead it. — Wanjiru Kamau, Head of Schools Partnerships"
            return Person(name=signed_after.group("name"), title=signed_after.group("title").strip(),
                          source=_span(notes, statement.start + signed_after.start("name"), statement.end))
        header = _chat_author(notes, statement.start) if mine else None
        if mine and header:
            return Person(name=header, title=(mine.group("title") or "").strip() or None,
                          source=_span(notes, statement.start + mine.start(), statement.start + mine.end()))
    for statement in statements:
        # "Carla will own the launch", with "Attendees: ..., Carla Mendes (VP Product)" above: the
        # first name leads, the notes' full name and title say who she is
        first = _FIRST_NAME_LEADS.search(statement.text) if not statement.quote_only else None
        full = re.search(rf"(?P<name>{first.group('first')}\s+[{UPPER}][\w'’-]+)\s*(?:\((?P<paren>[^()\n]{{2,40}})\)|"
                         rf",\s*(?P<title>{_EXEC_TITLE}))", notes.text) if first else None
        if full and first:
            return Person(name=full.group("name"), title=(full.group("paren") or full.group("title")).strip(),
                          source=_span(notes, statement.start + first.start(), statement.start + first.end()))
    for statement in statements:
        leads = _LEADS_IT.search(statement.text)
        if leads and not statement.quote_only:
            start = statement.start + leads.start("name")
            title = leads.group("title") or leads.group("paren") or leads.group("between") or ""
            return Person(name=leads.group("name"), title=title.strip() or None,
                          source=_span(notes, start, statement.start + leads.end()))
    return None


_LAUNCH_WORDS = {"pilot", "beta", "public", "private", "launch", "launches", "launching", "general", "soft", "first",
                 "prototype", "mvp", "alpha", "demo", "poc", "discovery", "design", "build", "research",
                 "start", "starts", "starting",
                 "available", "availability", "live", "ready",
                 "go", "early", "limited", "open", "full", "phase", "the", "a", "an", "we", "our", "then", "plan", "q1",
                 "q2", "q3", "q4", "h1", "h2", "with", "in", "on", "by", "from", "stores", "store", "city", "cities",
                 # a sentence's first word, capitalised only for that: "Could launch with ...", "Target go-live"
                 "could", "would", "should", "will", "may", "might", "can", "maybe", "probably", "so", "also", "and",
                 "but", "target", "targeting", "aim", "aiming", "hope", "hoping", "rollout",
                 "release", "slide", "ga", "this", "that", "next", "late", "mid", "end", "spring", "summer",
                 "autumn", "fall", "winter", "during", "around", "after", "before", "once", "if", "when", "all"}
_PLACE_RUN = re.compile(r"\bU\.S\.(?!\w)|\b(?:USA|US|UK|EU|UAE)\b|"
                        # (with a particle: "Stratford-upon-Avon", "Riva del Garda", "Rio de Janeiro")
                        rf"[{UPPER}][{LOWER}]+(?:(?:[ -]|-(?:on|upon|in|le|la|de|sur|am|by)-|"
                        rf"\s(?:del|de|da|di|do|della|dos|das|du|des|la|le)\s)[{UPPER}][{LOWER}]+)*"
                        r"(?:\s+(?:state|county|area|region))?")
# Countries and regions a launch line names ("US + Canada at launch"): where it is sold, not the
# city a press release is datelined from. The common ones, not a gazetteer: an unknown country
# only costs a dateline that names it where a city belongs.
COUNTRIES = frozenset({
    "U.S.", "US", "USA", "UK", "EU", "UAE", "Canada", "Mexico", "Germany", "France", "Spain", "Italy", "Ireland",
    "Netherlands", "Belgium", "Sweden", "Norway", "Denmark", "Finland", "Poland", "Portugal", "Switzerland",
    "Austria", "India", "Japan", "China", "Singapore", "Australia", "New Zealand", "Brazil", "Argentina", "Chile",
    "Colombia", "Israel", "Nigeria", "Kenya", "South Africa", "Korea", "South Korea", "Europe", "Asia", "Africa",
    "North America", "Latin America", "Scotland", "Wales", "England", "Philippines", "Indonesia", "Vietnam",
    "Thailand", "Malaysia", "Egypt", "Turkey", "Greece", "Britain", "Great Britain", "United States",
    "United Kingdom"})
# States and provinces: a region for the dateline too. Not "New York" or "Washington": a city as often.
REGIONS = COUNTRIES | frozenset({
    "Alabama", "Alaska", "Arizona", "Arkansas", "California", "Colorado", "Connecticut", "Delaware", "Florida",
    "Georgia", "Hawaii", "Idaho", "Illinois", "Indiana", "Iowa", "Kansas", "Kentucky", "Louisiana", "Maine",
    "Maryland", "Massachusetts", "Michigan", "Minnesota", "Mississippi", "Missouri", "Montana", "Nebraska",
    "Nevada", "New Hampshire", "New Jersey", "New Mexico", "North Carolina", "North Dakota", "Ohio", "Oklahoma",
    "Oregon", "Pennsylvania", "Rhode Island", "South Carolina", "South Dakota", "Tennessee", "Texas", "Utah",
    "Vermont", "Virginia", "West Virginia", "Wisconsin", "Wyoming", "Ontario", "Quebec", "Alberta",
    "British Columbia", "Manitoba", "Saskatchewan", "Nova Scotia", "Bavaria", "Catalonia"})
# Said with "the": "in the US", "in the Netherlands".
COUNTRIES_WITH_THE = frozenset({"U.S.", "US", "USA", "UK", "EU", "UAE", "Netherlands", "Philippines",
                                "United States", "United Kingdom"})


def _launch(statements: list[Statement], numbers: list[NumberFact]) -> tuple[Statement | None, NumberFact | None]:
    """The line that says when (and where) it launches, and its date: a launch label ("Launch:",
    "First stores:", "Go-live:"), else a line that speaks of launching and holds a date."""
    dated = {n.line: n for n in reversed(numbers) if n.kind == "date"}
    labelled = [s for s in statements if s.topic == "launch" and not s.quote_only]
    cued = [s for s in statements if s.topic is None and "launch" in s.topics and s.line in dated and not s.quote_only]
    candidates = [(statement, [n for n in numbers if n.kind == "date" and statement.start <= n.start < statement.end])
                  for statement in [*labelled, *cued]]
    # "pilot in March 2027 with 3 schools; full launch Sept 2027": the launch is the date the customer
    # can buy it, not the trial's; a pilot's date is the launch only when the notes give no other.
    for statement, dates_in in candidates:
        date = next((n for n in dates_in if not trial_date(statement, n)), None)
        if date is not None:
            return statement, date
    trial = next(((statement, dates_in[0]) for statement, dates_in in candidates if dates_in), None)
    if trial is not None:
        # "pilot with 5 clinics in Porto from March 2027" / "all clinics in northern Portugal from
        # October 2027": a later line that says from when, with where or for all, is the launch,
        # though it has no launch word
        after_trial = _later_launch(statements, numbers, trial[1], {s.line for s, _ in candidates})
        return after_trial or trial
    if labelled:
        return labelled[0], None  # "Launch: Galway first": where, if not when
    # "launching next March in Wellington": a launch line without a date we can read still says where.
    undated = next((s for s in statements if s.topic is None and "launch" in s.topics and not s.quote_only
                    and _PLACE.search(s.text)), None)
    # (each statement's first date by bisection: a 10,000-row table must not cost rows x numbers)
    dates = sorted((n for n in numbers if n.kind == "date"), key=lambda n: n.start)
    starts = [n.start for n in dates]

    def first_date(statement: Statement) -> NumberFact | None:
        at = bisect.bisect_left(starts, statement.start)
        return dates[at] if at < len(dates) and dates[at].start < statement.end else None

    undated_only = [(s, d) for s in statements if s.topic is None and not s.quote_only and (d := first_date(s))]
    # "Toronto, Canada in Q3 2027.": a line that is only a place and a date says where and when.
    for statement, date in undated_only:
        if _ONLY_PLACE_AND_DATE.fullmatch(statement.text.replace(date.text, " ").strip(" .")):
            return statement, date
    # "£40/month, Kirkwall, June 2027", "Stockport first, April 2027": a terse line whose parts are a
    # price, a place and a date says where and when, the price being the availability paragraph's too.
    for statement, date in undated_only:
        if _place_date_and_price(statement.text, date.text):
            return statement, date
    return undated, None


def _month_key(date: str) -> tuple[int, int] | None:
    """(year, month) of a date as notes write it ("October 2027", "Q3 2027", "marzo 2027"); None
    without a year."""
    import calendar

    year = re.search(r"20\d\d", date)
    if year is None:
        return None
    quarter = re.search(r"(?i)\bq([1-4])\b", date)
    words = {name.lower()[:3]: number for number, name in enumerate(calendar.month_name) if name}
    month = next((words[w[:3].lower()] for w in re.findall(r"[A-Za-z]{3,}", date) if w[:3].lower() in words), None)
    month = month or next((n for w in re.findall(r"[^\W\d_]{3,}", date.lower())
                           if (n := foreign_months().get(w))), None)
    return int(year.group()), (int(quarter.group(1)) * 3 - 2 if quarter else month or 0)


def _later_launch(statements: list[Statement], numbers: list[NumberFact], trial: NumberFact,
                  seen: set[int]) -> tuple[Statement, NumberFact] | None:
    trial_key = _month_key(trial.text)
    if trial_key is None:
        return None
    for statement in statements:
        if statement.topic is not None or statement.quote_only or statement.line in seen or \
                {"problem", "loss", "price", "budget", "risks", "open"} & set(statement.topics):
            continue
        date = next((n for n in numbers if n.kind == "date" and statement.start <= n.start < statement.end), None)
        key = _month_key(date.text) if date is not None else None
        if date is None or key is None or key <= trial_key:
            continue
        before = statement.text[:date.start - statement.start]
        if re.search(r"(?i)\b(?:from|by|starting|as of)\s*$", before) and (
                _PLACE.search(statement.text) or re.search(r"(?i)\b(?:all|every|any)\b", before)):
            return statement, date
    return None


# A trial before the launch: "pilot in March", "beta from May 2027", "Pilot: 3 schools, March 2027".
_TRIAL = re.compile(r"(?i)\b(?:pilot\w*|beta|alpha|trials?|trialling|trialing|test(?:ing)?|prototype|poc|"
                    r"proof of concept|dry[- ]run)\b")
_PROPER_LAUNCH = re.compile(r"(?i)\b(?:launch\w*|go(?:es|ing)?[- ]live|live|public|general availability|(?-i:GA)|"
                            r"available|open(?:s|ing)?|roll(?:s|ing)?[- ]?out|release[sd]?|on sale|ship(?:s|ping)?)\b")


def trial_date(statement: Statement, date: NumberFact) -> bool:
    """Is this date a trial's (a pilot, a beta) rather than the launch's? The clause that holds the
    date, or the line's label, names a trial and no launch."""
    before = statement.text[:date.start - statement.start]
    # ("beta in Bavaria (April 2027), all German states from September 2027": a wider rollout after
    # a comma is a clause of its own)
    clause = re.split(r"[;.]|,\s*(?:then|and then|followed by)\b|\bthen\b|\s[-–—]\s"
                      r"|,\s*(?=(?:all|every|the whole|across|nationwide|countrywide)\b)", before)[-1]
    after = re.split(r"[;,.]|\bthen\b", statement.text[date.end - statement.start:])[0]
    if not (_TRIAL.search(clause) or _PROPER_LAUNCH.search(clause)):
        clause = f"{statement.label or ''} {clause} {after}"  # "Pilot: March 2027, 3 schools"
    return bool(_TRIAL.search(clause)) and not _PROPER_LAUNCH.search(clause)


_TERSE_PLACE = re.compile(rf"(?:(?:from|in|at)\s+)?[{UPPER}][{LOWER}]+(?:[ -][{UPPER}][{LOWER}]+)*"
                          r"(?:\s+(?:first|only|to start))?")


def _place_date_and_price(text: str, date: str) -> bool:
    """Is the line only a price, a place and a date, split by commas ("£18/month per hut, Keswick,
    from Easter 2027.")?"""
    from assistant.draft.money import has_money

    parts = [part.strip(" .") for part in re.split(r"[,;]", text.replace(date, ",")) if part.strip(" .")]
    parts = [part for part in parts if not has_money(part) and not re.fullmatch(r"(?i)from|in|on|by|starting", part)]
    return len(parts) == 1 and bool(_TERSE_PLACE.fullmatch(parts[0])) and parts[0].split()[-1] not in ("I", "We")


# "next March", "this coming September", "early next spring": a launch month with no year. The
# dateline says it in the notes' words; a year worked out from today's date would be a number the
# notes never wrote (and the grounding check would rightly flag it).
_RELATIVE_MONTH = re.compile(rf"(?i)\b(?:(?:early|mid|late)[- ])?(?:next|this coming|this)\s+(?:{_MONTH_NAME}|spring|"
                             r"summer|autumn|fall|winter|year)\b")


def _relative_month(launch: Statement, notes: Document) -> NumberFact | None:
    match = _RELATIVE_MONTH.search(launch.text)
    if match is None:
        return None
    span = _span(notes, launch.start + match.start(), launch.start + match.end())
    return NumberFact(text=span.text, start=span.start, end=span.end, line=span.line, kind="date",
                      context=launch.text)


# A sentence that opens with the launch: "Launching in Munich in April 2027, German-language first."
_LAUNCH_OPENER = re.compile(r"(?i)^\W*(?:launch(?:ing|es)?|we(?:'ll| will) launch|go(?:ing)?[- ]live|live in|"
                            r"available (?:in|from)|roll(?:ing)? out)\b")


def _launch_sentence_inside(statements: list[Statement], numbers: list[NumberFact], notes: Document
                            ) -> tuple[Statement | None, NumberFact | None]:
    """No launch line: a dated sentence opening with the launch inside a paragraph labelled as
    something else (a pitch under "Why we should build this:") says when and where."""
    for statement in statements:
        if statement.quote_only or statement.topic in ("open", "risks", "title"):
            continue
        for start, end in _sentence_spans(notes.text, statement.start, statement.end) if \
                statement.end - statement.start >= 160 else []:
            start, end = _trimmed(notes.text, start, end)
            if not _LAUNCH_OPENER.match(notes.text[start:end]):
                continue
            date = next((n for n in numbers if n.kind == "date" and start <= n.start < end), None)
            if date is not None:
                return _statement(notes, start, end, None, "launch"), date
    return None, None


_ONLY_PLACE_AND_DATE = re.compile(rf"(?:[{UPPER}][{LOWER}]+(?:[ -][{UPPER}][{LOWER}]+)*|U\.?S\.?|UK|EU)"
                                  rf"(?:\s*(?:,|and|\+|&)\s*(?:[{UPPER}][{LOWER}]+(?:[ -][{UPPER}][{LOWER}]+)*"
                                  r"|U\.?S\.?|UK|EU))*"
                                  r"\s*(?:,|in|from|on|by|—|–|-)?\s*")


_ORG_TAIL = re.compile(r"\s+(?:Public\s+)?(?:Library|Libraries|Hospitals?|University|College|Schools?|Council|"
                       r"District|Clinic|Surgery|Trust)$")
# "at the Doncaster depot": a place, by the kind of site after it ("at Walmart" alone is a company).
_FACILITY = re.compile(r"\s+(?:depot|store|shop|clinic|office|site|warehouse|branch|plant|hospital|school|campus|"
                       r"centre|center|"
                       r"district|farm|marina|library|studio|factory|mill|port|airport|station|association|"
                       r"guild|club|chapter|branch|co-op|cooperative)s?\b")


def _in_english(place: NoteSpan, notes: Document) -> NoteSpan:
    """"Lisboa" as "Lisbon" where the notes also write "Lisbon" (words.yaml's place names): one city,
    named one way across the release. A name written only one way is kept."""
    from assistant.draft.words import english_place_names

    english = english_place_names().get(place.text.lower())
    found = re.search(rf"(?<![\w-]){re.escape(english)}(?![\w-])", notes.text) if english else None
    return _span(notes, found.start(), found.end()) if found else place


def _where_it_launches(launch: Statement | None, statements: list[Statement], notes: Document,
                       exclude: set[str]) -> list[NoteSpan]:
    """The launch line's places; when it names none ("Target launch: 4 September 2027"), those of
    another launch line ("Launch city: Galway")."""
    found = _launch_places(launch, notes, exclude)
    if found or launch is None:
        return found
    for other in statements:
        if other is not launch and other.topic == "launch" and not other.quote_only:
            found = _launch_places(other, notes, exclude)
            if found:
                return found
    return []


# "no single launch city", "not picking a launch city", "nationwide": the notes say no city is the
# launch's, so none is looked for outside the launch line.
# (not a later phase: "launch in Sheffield, then Screwfix nationwide" starts in a city)
NO_CITY = re.compile(r"(?i)\bno\s+(?:single\s+)?(?:launch\s+)?city\b|\bnot\s+(?:picking|choosing|naming)\s+a\s+"
                      r"(?:launch\s+)?city\b|^(?:(?!\b(?:then|later|after(?:wards)?|followed by|next)\b).)*?"
                      r"\b(?:nation-?wide|country-?wide)\b")


def _places_elsewhere(statements: list[Statement], launch: Statement, customer_source: NoteSpan | None,
                      notes: Document, exclude: set[str]) -> list[NoteSpan]:
    """The launch line names no place ("launch: early Q2 '27"): where another line says it starts
    ("📍 start in Floripa", "Dan: launch in Chiang Mai first"), else where the customers are
    ("language schools in Porto"): a first launch is where the notes' customers were met. None
    when the notes say there is no launch city."""
    if any(NO_CITY.search(s.text) for s in statements):
        return []
    starts = [s for s in statements if "launch" in s.topics and not s.quote_only and s is not launch and
              s.topic not in ("open", "risks", "other", "not_doing", "title", "budget")]
    customers = [customer_source] if customer_source is not None else []
    for span in [*starts, *customers]:
        for match in _PLACE.finditer(notes.text, span.start, span.end):
            if not match.group().startswith("in "):
                continue  # "at Walmart", "from Shenzhen": a company or a source, not where it starts
            place = match.group("place")
            first = re.split(r",\s*|\s+and\s+", place)[0]
            if first in exclude or first.split()[0].lower() in _SEASONS | _LAUNCH_WORDS or time_of_year(first) or \
                    re.fullmatch(_MONTH_NAME, first.split()[0], re.IGNORECASE) or \
                    first.split()[0].lower() in foreign_months():
                continue
            return [_span(notes, match.start("place"), match.start("place") + len(first))]
    return []


# "Herbstsemester 2027", "Wintersemester", "Sommersaison", "Spring term": a part of the year, in
# any language's compound, never the launch's place (the word's ending says so).
_TIME_OF_YEAR = re.compile(r"(?i)(?:semester|term|season|saison|quartal|quarter|trimester|halbjahr|spring|summer|"
                           r"autumn|fall|winter|sommer|herbst|frühling|frühjahr|printemps|été|automne|hiver|"
                           r"primavera|verano|otoño|invierno|verão|outono|inverno|zomer|najaar|voorjaar)$")


def time_of_year(word: str) -> bool:
    return _TIME_OF_YEAR.search(word) is not None


# "from Easter 2027", "before Christmas": a time of year, never the launch's place.
_SEASONS = {"easter", "christmas", "xmas", "lent", "ramadan", "eid", "diwali", "thanksgiving", "hanukkah", "advent",
            "whitsun", "pentecost"}


_LAUNCH_VERB = re.compile(r"(?i)(?:launch(?:es|ing)?|pilot(?:s|ing)?|start(?:s|ing)?|beta|live|open(?:s|ing)?)")


def _place_runs(text: str) -> Iterator[re.Match[str]]:
    """The runs of capitalised words, a launch word that opens one taken off: "Launch Portland,
    Oregon in June 2027" names Portland (the run "Launch Portland" did not)."""
    for match in _PLACE_RUN.finditer(text):
        words = match.group().split()
        if len(words) > 1 and _LAUNCH_VERB.fullmatch(words[0]):
            inner = _PLACE_RUN.match(text, match.start() + match.group().index(words[1], len(words[0])))
            if inner is not None:
                yield inner
                continue
        yield match


# "Harlow & Finch want ...", "Smith & Sons have ...": a firm named for two people, acting
_ACTING = r"\s+(?:want|wants|have|has|had|say|says|said|are|is|will|would|need|needs|asked|agreed|signed)\b"
_ACTS = re.compile(_ACTING)
_A_FIRM = re.compile(rf"\s*&\s*[{UPPER}][{LOWER}]+(?={_ACTING})")
_A_FIRM_AFTER = re.compile(rf"[{UPPER}][{LOWER}]+\s*&\s*$")
_A_ROLE_BEFORE = re.compile(r"\b(?:director|manager|lead|head|owner|founder|ceo|cto|coo|cfo|vp|officer|partner|"
                            r"chair|president),\s*$", re.IGNORECASE)


def _launch_places(statement: Statement | None, notes: Document, exclude: set[str]) -> list[NoteSpan]:
    """Where it launches, from the launch line: capitalised places after "in"/"at", at the line's
    start ("Austin and Denver, May 2027") or after a comma ("Q3 2027, Toronto first")."""
    if statement is None:
        return []
    from assistant.draft.money import has_money

    found: list[NoteSpan] = []
    text = statement.text
    # "Included in Lernwerk Plus (€7.99/month). Beta in Bavaria (April 2027) ...": a sentence that
    # prices it and gives no date says what it is sold in, not where it launches
    priced = [(m.start(), m.end()) for m in re.finditer(r"[^.!?]+[.!?]?", text)
              if has_money(m.group()) and not re.search(r"\b(?:19|20)\d\d\b|\bQ[1-4]\b", m.group())]
    for match in _place_runs(text):
        words = match.group().split()
        if any(a <= match.start() < b for a, b in priced):
            continue
        before = text[: match.start()]
        if _A_FIRM.match(text[match.end():]) or _A_FIRM_AFTER.search(before) and _ACTS.match(text[match.end():]):
            continue  # "Harlow & Finch want 4 pods": a firm's name, not two places
        if _A_ROLE_BEFORE.search(before) or re.match(r",?\s+(?:says|said|told|thinks|wants)\b", text[match.end():]):
            continue  # "Their ops director, Claire Dunmore, says ...": a person
        if re.fullmatch(r"(?:City|Town|Municipality|Borough|Shire|Region)", match.group()) and \
                re.match(r"\s+of\s+[A-Z]", text[match.end():]):
            continue  # "City of Greater Geelong": the place is what follows
        if re.search(r"\b(?:City|Town|Municipality|Borough|Shire) of\s+$", before):
            before = before + " in "  # ... and is joined as if "in" stood before it
        if re.match(r"(?:North|South|East|West|Central|Inner|Outer)\b", match.group()) and \
                match.group() not in REGIONS and re.match(r"\s+of\s+(?:the\s+)?[A-Z]", text[match.end():]):
            continue  # "the East End of Glasgow": a part of the place that follows, not the place
        if re.search(rf"\b(?:in|at)\s+the\s+(?:North|South|East|West|Central|Inner|Outer)[{LOWER}]*"
                     rf"(?:\s+[{UPPER}][{LOWER}]+)?\s+of\s+$", before):
            before = before + " in "  # ... which is joined as if "in" stood before it
        # before the joins: "of" joins nothing else
        org = _ORG_TAIL.search(match.group())
        if org and re.search(r"\b(?:of|at|in|from)\s*$", before):
            # "2 branches of Hamilton Public Library", "a pilot at Portland Public Library": the town
            if org.start() > 0 and match.group()[:org.start()] not in exclude:
                town_start = statement.start + match.start()
                found.append(_span(notes, town_start, town_start + org.start()))
            continue
        # "at Walmart": a company; "US + Canada", "UK & Ireland": places joined to a place.
        joined = _FACILITY.match(text[match.end():]) or not before.strip() or re.search(
            r"(?:\b(?:launch\w*|pilot\w*|live|start\w*|open\w*)\s+at|"  # "we launch at Mevagissey and Fowey"
            r"\b(?:in|from|across|around|near|the|be|launch\w*|pilot|beta|live|then|start(?:ing)?|"
            r"(?:launch|target|city) is)|,|\band|"
            r"[+&/(]|:)\s*$", before,
            re.IGNORECASE)
        # "rollout to all of northern Portugal", "across rural Kenya": a part of a country, with its
        # direction word ("northern Portugal" is where it launches, not all of Portugal)
        part_of = re.search(r"\b(?:in|across|to|throughout|of)\s+(?:all\s+of\s+)?(?P<part>(?:northern|southern|"
                            r"eastern|western|central|rural|coastal|north|south|east|west)\s+)$", before)
        if part_of and not joined:
            found.append(_span(notes, statement.start + part_of.start("part"), statement.start + match.end()))
            continue
        if not joined and re.search(r"\b(?:to|for|with)\s*$", before) and \
                re.match(rf"\s+(?:[a-z-]+\s+)?(?:{_ROLE_NOUNS}|{_PEOPLE_ERS})", text[match.end():], re.IGNORECASE) and \
                place_word(words[0], notes):
            joined = True  # "open it to Lagos pharmacies in May 2027": a place written as the customers' adjective
        if not before.strip() and \
                re.match(r"\s+(?!(?:and|or|first|only|then|in|from|on|by|pilot|beta|trial|launch)\b)[a-z]",
                         text[match.end():]) and not (statement.topic == "launch" and re.match(
                             r"\s+[a-z]+(?:\s+(?:first|only)\b|s\s*,)", text[match.end():])):
            # (... and "Launch: Yorkshire leagues, April 2027" with its place, then its date)
            # (under a launch label, "GTM: Melbourne bookshops first" opens with the place)
            continue  # "Facilitator wrap-up: go with Gota ...": a line's first word, not a place
        if (not before.strip() or re.search(r"[.!?]\s*$", before)) and len(words) == 1 and \
                re.fullmatch(r"[A-Z][a-z]+(?:ed|ing)", words[0]) and not place_word(words[0], notes):
            continue  # "Included in Lernwerk Plus (€7.99/month).": a sentence's first verb, not a place
        if re.search(r"\b(?:ships?|shipped|shipping|sent|dispatched)\b.*\bfrom\s+(?:our\s+|the\s+)?$", before) and \
                re.match(r"\s+(?:warehouse|factory|plant|depot|office|hq|headquarters)\b", text[match.end():], re.I):
            continue  # "ships to Dutch growers from our Eindhoven warehouse": where it ships from, not to
        if not joined or words[0].lower() in _LAUNCH_WORDS or match.group() in exclude or \
                re.fullmatch(_MONTH_NAME, words[0], re.IGNORECASE) or words[0].lower() in foreign_months() or \
                words[0] in exclude or \
                words[0].lower() in _SEASONS or time_of_year(words[0]):
            continue
        if found and match.group() in REGIONS and re.search(r",\s*$", before) and found[-1].text not in REGIONS:
            continue  # "Toronto, Canada", "Austin, Texas": the city's country or state, not a second place
        if found and re.fullmatch(r"\s*,\s*", text[found[-1].end - statement.start:match.start()]) and \
                match.group() in _region_names() and found[-1].text not in _region_names() and \
                not place_word(found[-1].text.split()[0], notes):
            # "Northern Quarter, Manchester": a district, then its city; the city is where it launches
            found[-1] = _span(notes, statement.start + match.start(), statement.start + match.end())
            continue
        if re.match(r"['’]s\b", text[match.end():]) and match.group() not in REGIONS:
            continue  # "Amazon's Last Mile organization": an owner, not a place ("South Korea's ports" is one)
        if re.match(r"-[a-z]", text[match.end():]):
            continue  # "German-language first", "UK-based": a word of a compound, not a place
        if re.search(r"\bat\s+$", before) and len(words) == 1 and \
                re.match(rf"\s+in\s+[{UPPER}][{LOWER}]+", text[match.end():]):
            continue  # "at Trinity in Dublin": the site, in the city that follows
        facility = _FACILITY.match(text[match.end():])
        city_after = re.match(rf"\s+in\s+(?P<city>[{UPPER}][{LOWER}]+)", text[match.end() + facility.end():]) \
            if facility else None
        if city_after and not re.fullmatch(_MONTH_NAME, city_after.group("city"), re.IGNORECASE) and \
                city_after.group("city").lower() not in set(foreign_months()) | _SEASONS:
            continue  # "at the Ringsend centre in Dublin": the city the site is in is the place
        if re.search(r"(?:\band|[+&/]|\bthe)\s*$", before) and not found and \
                not re.search(r"\b(?:in|from|across|at) (?:the\s*)?$", before) and \
                not _FACILITY.match(text[match.end():]):
            continue  # "and Denver" joins a place only to a place already found
        # (the year may be cut to two digits: "Porto Oct '27")
        if re.match(r"\s*[,.]?\s*['\u2019]?\d", text[match.end():]) and \
                re.fullmatch(_MONTH_NAME, words[-1], re.IGNORECASE):
            if len(words) == 1:
                continue
            # "launch Benelux Sept 2027": the place, without the month after it
            end = statement.start + match.start() + match.group().rfind(words[-1])
            found.append(_span(notes, statement.start + match.start(), end - 1))
            continue
        found.append(_span(notes, statement.start + match.start(), statement.start + match.end()))
    # "launch Frankfurt, Q1 2027, German and English": the languages it speaks are no places
    found = [place for place in found if not _language(place.text)]
    if not found and statement.topic == "launch":
        found = _lowercase_place(statement, notes, exclude)
    return found


@functools.cache
def _languages() -> frozenset[str]:
    """The names of the major languages (ISO 639-1), less those that also name a country."""
    import pycountry

    names = {re.sub(r"\s*\(.*\)$", "", language.name) for language in pycountry.languages
             if hasattr(language, "alpha_2")}
    countries = {c.name for c in pycountry.countries} | set(COUNTRIES) | set(REGIONS)
    return frozenset(names - countries)


def _language(text: str) -> bool:
    return text in _languages()


def _lowercase_place(statement: Statement, notes: Document, exclude: set[str]) -> list[NoteSpan]:
    """"Launch: lyon, 05.03.2027": a place typed in lower case, known as one because the notes write
    it capitalised after "in"/"at"/"from" elsewhere ("riders ... in Lyon find ..."); no launch word
    or month ("first", "march"). (Not by word frequency: "leeds", "toronto" are frequent words.)"""
    for word in re.findall(rf"\b[{LOWER}][{LOWER}-]{{2,}}\b", statement.text):
        if word in _LAUNCH_WORDS or re.fullmatch(_MONTH_NAME, word):
            continue
        capital = re.search(rf"(?<=[a-z,;:] )(?:in|at|from|near)\s+(?P<place>{re.escape(word.capitalize())})\b",
                            notes.text)
        if capital and capital.group("place") not in exclude:
            return [_span(notes, capital.start("place"), capital.end("place"))]
    return []


def _places(statements: list[Statement], quotes: list[QuoteFact], notes: Document) -> list[NoteSpan]:
    """Places the notes name: "in Washington state", and the town in a speaker's details ("Tacoma")."""
    found: list[NoteSpan] = []
    for statement in statements:
        for match in _PLACE.finditer(notes.text, statement.start, statement.end):
            if not re.fullmatch(_MONTH_NAME, match.group("place"), re.IGNORECASE):
                found.append(_span(notes, match.start("place"), match.end("place")))
    for quote in quotes:
        last = (quote.detail or "").rsplit(",", 1)[-1].strip()
        if re.fullmatch(rf"[{UPPER}][{LOWER}]+(?:\s[{UPPER}][{LOWER}]+)?", last):
            at = notes.text.find(last, quote.end)
            if at >= 0:
                found.append(_span(notes, at, at + len(last)))
    return found


def asks(text: str) -> bool:
    """Does a note line ask a question? "do we need an FDA approval? probably not" asks too, with
    a guess after it."""
    return re.search(r"\?(?:\s|$)", text) is not None


_MEETING_HEADER = re.compile(r"(?i)\b(?:minutes|meeting|call notes|notes from|sync|stand-?up|retro|workshop|"
                             r"debrief|recap|kick-?off|agenda)\b")


def _settled(statement: Statement, notes: Document) -> Statement:
    """What a line's shape says it is: an unlabelled first line standing alone ("Kickoff meeting -
    restaurant no-shows") is the notes' title; a line asking a question is an open question."""
    if statement.topic == "price" and asks(statement.text) and not has_money(statement.text):
        # "Price: per caregiver or per agency?": a question about the price, still open, not a price
        return statement.model_copy(update={"topic": "open", "topics": list(dict.fromkeys([*statement.topics,
                                                                                            "price"]))})
    if statement.topic is not None or statement.quote_only:
        return statement
    # Only the first two lines matter (splitting the whole text per statement was quadratic).
    lines = notes.text.split("\n", 2)[:2]
    # (the whole of that line: a dictated one-line memo's thoughts, "we need Seasonal Workforce SA",
    # are not each a title)
    first = notes.text.find(lines[0].strip())
    alone = statement.line == 1 and (len(lines) < 2 or not lines[1].strip()) and \
        statement.start <= first and statement.end - first >= len(lines[0].strip())
    if alone and len(statement.text.split()) <= 12 and not statement.text.rstrip().endswith(".") and \
            not re.search(r"\d", statement.text) and "evidence" not in statement.topics:
        return statement.model_copy(update={"topic": "title"})
    whole_line = statement.line == 1 and statement.start <= first and statement.end - first >= len(lines[0].strip())
    if whole_line and len(statement.text.split()) <= 12 and not statement.text.rstrip().endswith(".") and \
            _MEETING_HEADER.search(statement.text):
        # "Ward 7 residents meeting — minutes, 3 Nov 2026": the record's heading, dated, with the
        # attendees right below it; no problem, and no customer
        return statement.model_copy(update={"topic": "title"})
    if asks(statement.text) and _PROPOSAL.match(statement.text):
        # "what if we do WhatsApp reminders with a one-tap rebook button?": an idea put as a question
        return statement.model_copy(update={"topics": list(dict.fromkeys([*statement.topics, "idea"]))})
    if asks(statement.text) and _LAUNCH_ASKED.match(statement.text) and \
            any(c.kind == "date" for c in number_claims(statement.text)):
        return statement  # "launch with 10 clinics in Cork, March 2027?": the launch, put up for a yes
    if asks(statement.text) and not re.search(r"[\"“”]", statement.text) or \
            re.match(r"(?i)open questions?\b(?!\s*:)", statement.text):  # dictated: "open question do we vet ..."
        return statement.model_copy(update={"topic": "open"})
    return statement


# "what if we ...", "how about we ...", "why don't we ...": a proposal, not a question to settle.
_PROPOSAL = re.compile(r"(?i)^\W*(?:(?:ok|so|and|but|hmm),?\s+)*(?:what if we|how about(?: we)?|why don'?t we)\b")
# "launch with 10 clinics in Cork, March 2027?", "go live in Leeds in May?": the launch, asked.
_LAUNCH_ASKED = re.compile(r"(?i)^\W*(?:(?:ok|so|and|maybe),?\s+)*(?:we\s+)?(?:launch|go[- ]live|start|pilot|"
                           r"roll[- ]?out)\b")


def _introduced(quote: QuoteFact, notes: Document) -> QuoteFact:
    """A quote said by a first name alone ("Dana: ..."), whom the notes introduce in full elsewhere
    ("Attendees: Dana Whitfield (Kestrel, ops director), ..."): their full name and role."""
    if not quote.speaker or " " in quote.speaker or quote.detail:
        return quote
    full = re.search(rf"\b{re.escape(quote.speaker)}\s+(?P<last>[{UPPER}][\w'’-]+)\s*\((?P<detail>[^()\n]{{2,60}})\)",
                     notes.text)
    if full is None:
        return quote
    return quote.model_copy(update={"speaker": f"{quote.speaker} {full.group('last')}",
                                    "detail": full.group("detail").strip()})


# A bullet with no subject that says what the product does, right under the idea: "works offline on
# the crew tablet, syncs when back in harbour", "sends the invoice the same day". The idea's, not a
# dependency ("offline") or a problem.
SUBJECTLESS_FEATURE = re.compile(
    r"(?:works|runs|syncs|stores|saves|supports|sends|texts|emails|tracks|shows|flags|alerts|learns|keeps|handles|"
    r"collects|lets|gives|checks|books|reminds|matches|suggests|scans|reads|counts|pays|prints|plugs|connects|"
    r"updates|notifies|logs|records|exports|imports|creates|builds|routes|assigns|schedules|lists|finds)\s+\S")


def _features_of_the_idea(statements: list[Statement]) -> list[Statement]:
    settled: list[Statement] = []
    idea_line = None
    for statement in statements:
        if statement.topic == "idea":
            idea_line = statement.line
        elif idea_line is not None and statement.topic is None and not statement.label and \
                not statement.quote_only and 0 < statement.line - idea_line <= 2 and \
                SUBJECTLESS_FEATURE.match(statement.text) and not re.search(r"\d", statement.text):
            statement = statement.model_copy(update={"topic": "idea"})
            idea_line = statement.line  # ("- works offline ...", "- sends a receipt ...": each goes on from the last)
        settled.append(statement)
    return settled


def extract_facts(notes: Document) -> Facts:
    """Read the notes into typed facts. Text that reads like an instruction to a model is set
    aside (and reported), never used as a fact: it is part of the notes, not of the product."""
    from assistant.safety import find_instructions

    flags = find_instructions(notes)
    flagged_lines = {flag.span.line for flag in flags}
    instructions = [_span(notes, f.span.start, f.span.end) for f in flags]
    statements = _features_of_the_idea([_settled(s, notes) for s in read_statements(notes)
                                        if s.line not in flagged_lines])
    # (a survey's question in quotation marks, '(Q7: "What is hardest about ...?")', is what was
    # asked, not anyone's words)
    quotes = [q for q in read_quotes(notes, statements) if q.line not in flagged_lines and not (
        q.text.rstrip().endswith("?") and re.search(r"(?i)\bQ\d+\b|\bquestion\b|\bsurvey\b|\basked\b",
                                                     q.detail or ""))]
    quotes = [_introduced(q, notes) for q in quotes]
    context = {s.line: s.text for s in statements}
    numbers = [NumberFact(text=c.text, start=c.start, end=c.end, line=notes.line_col(c.start)[0], kind=c.kind,
                          context=context.get(notes.line_col(c.start)[0], ""))
               for c in number_claims(notes.text) if notes.line_col(c.start)[0] not in flagged_lines]
    customer, customer_source = _customer(statements, notes)
    if customer and len(customer.split()) <= 2:
        # "Of the 30 parents we surveyed" says "parents"; the problem line says which: "Parents of
        # GCSE students in Leeds can't tell which tutors are any good"
        fuller, fuller_source = _problem_subject(statements, notes, lambda s: s.topic == "problem" or
                                                 s.topic is None and "problem" in s.topics)
        if fuller and fuller.lower().startswith(customer.lower() + " "):
            customer, customer_source = fuller, fuller_source
    if customer is None:
        customer, customer_source = _group_in_their_language(statements, notes)
    if customer is None:
        customer, customer_source = _customer_quoted(quotes, notes)
    told = re.match(r"(?P<who>[^:]{3,80}?):\s+\S", customer) if customer else None
    if told and customer_source is not None and customer_source.text.startswith(told.group("who")):
        # "office managers in Lyon: meeting rooms booked but empty": who, then what they told us
        customer = told.group("who")
        customer_source = _span(notes, customer_source.start, customer_source.start + len(customer))
    product_name, working = _product_name(statements, notes)
    if product_name:
        # "**Opportunity** CareShift: caregivers swap ... in an app": under a label the notes use for
        # the problem, a line that opens with the product's name says what it is
        statements = [s.model_copy(update={"topic": "idea"}) if s.topic == "problem" and re.match(
            rf"\W*{re.escape(product_name)}[*_]*\s*(?::|[-–—]\s)", s.text) else s for s in statements]
    if customer and customer.lower() in _BARE_ROLES:
        group = _placed_group(statements, notes, product_name)
        if group:
            customer = f"{customer.lower()} of {group}"  # "owners of Düsseldorf kiosks", not "owners"
    if product_name is None:
        product_name = _most_said_coinage(statements, notes, {q.speaker for q in quotes if q.speaker} |
                                          _chat_authors(notes))
    interviewees = [s.text for s in statements if s.topic == "interviewee"]
    leader = _leader(statements, notes)
    launch, launch_date = _launch(statements, numbers)
    if launch is None:
        launch, launch_date = _launch_sentence_inside(statements, numbers, notes)
    if launch is not None and launch_date is None:
        launch_date = _relative_month(launch, notes)
    people = [name for name in dict.fromkeys(
        [*(q.speaker for q in quotes if q.speaker), *(speaker_from(who)[0] for who in interviewees),
         leader.name if leader else None]) if name]
    exclude = {product_name or "", *people, *(leader.name.split() if leader else [])}
    places = [_in_english(place, notes) for place in _where_it_launches(launch, statements, notes, exclude)]
    if not places and launch is not None:
        places = _places_elsewhere(statements, launch, customer_source, notes, exclude)
    return Facts(statements=statements, people=people, places=_places(statements, quotes, notes), customer=customer,
                 customer_source=customer_source,
                 interviewees=interviewees, product_name=product_name, product_name_is_working=working,
                 leader=leader, numbers=numbers, quotes=quotes,
                 launch_date=launch_date, launch=launch, launch_places=places,
                 instructions=instructions,
                 words=len(notes.text.split()))
