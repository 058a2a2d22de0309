"""Words and sentences, reduced to what a question is about.

Everything that compares two questions (the FAQ's own question against a bank question, two
phrasings for deduplication, an author's question against a generated one in the recall eval)
goes through `concepts()`: lower-case, drop function words, fold a light stem, and map
synonyms to one concept ("cost", "pricing", "how much", "free" all become `price`). Phrases
that carry the intent of a question ("who is it for", "why not", "what is") become concepts
too, because the function words they are made of would otherwise be thrown away.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import NamedTuple

from assistant.literals import literals_of, may_occur

_WORD = re.compile(r"[a-z0-9][a-z0-9'’+#.\-]*[a-z0-9+#]|[a-z0-9]")

# Function words and words every question uses; they carry no topic.
STOPWORDS = frozenset([
    "a", "about", "above", "after", "again", "against", "all", "also", "am", "an", "and", "any", "are", "aren't",
    "as", "at", "be", "because", "been", "before", "being", "below", "between", "both", "but", "by", "can",
    "can't", "cannot", "could", "did", "didn't", "do", "does", "doesn't", "doing", "don't", "down", "during",
    "each", "either", "else", "etc", "even", "ever", "every", "few", "for", "from", "further", "get", "gets",
    "getting", "go", "going", "got", "had", "has", "hasn't", "have", "haven't", "having", "he", "her", "here",
    "hers", "herself", "him", "himself", "his", "how", "however", "i", "i'd", "i'll", "i'm", "i've", "if", "in",
    "into", "is", "isn't", "it", "it's", "its", "itself", "just", "let", "let's", "like", "lot", "lots", "make",
    "makes", "many", "may", "me", "might", "mine", "more", "most", "much", "must", "my", "myself", "need",
    "needs", "no", "nor", "not", "now", "of", "off", "on", "once", "one", "only", "or", "other", "others",
    "otherwise", "our", "ours", "ourselves", "out", "over", "own", "per", "please", "put", "quite", "rather",
    "really", "same", "say", "says", "see", "seem", "seems", "shall", "she", "should", "shouldn't", "so", "some",
    "something", "still", "such", "sure", "take", "tell", "than", "that", "that's", "the", "their", "theirs",
    "them", "themselves", "then", "there", "there's", "these", "they", "they'd", "they'll", "they're", "this",
    "those", "though", "through", "thus", "to", "too", "truly", "under", "until", "up", "upon", "us", "use",
    "used", "uses", "using", "very", "via", "want", "was", "wasn't", "way", "we", "we'd", "we'll", "we're",
    "we've", "well", "were", "weren't", "what", "what's", "whatever", "when", "where", "where's", "whether",
    "which", "while", "who", "who's", "whom", "whose", "why", "will", "with", "within", "without", "won't",
    "would", "wouldn't", "yes", "yet", "you", "you'd", "you'll", "you're", "you've", "your", "yours", "yourself",
    "actually", "already", "exactly", "specifically", "today", "kind", "sort", "able", "thing", "things", "anything",
    "everything", "product", "products", "tool", "tools", "service", "services", "platform", "app", "apps",
    "solution", "solutions", "system", "systems", "feature", "features", "idea", "project", "offering", "come",
    "comes", "coming", "look", "looks", "go", "goes", "next", "afterward", "notneeded",
])

# Synonyms that fold to one concept. The keys are stems (see `stem`).
_SYNONYMS: dict[str, str] = {}


def _synonyms(concept: str, words: str) -> None:
    for word in words.split():
        _SYNONYMS[word] = concept


_synonyms("price", "cost costs costing price prices pricing priced pay paid paying payment charge charged "
          "charges fee fees free expensive cheap cheaper afford affordable subscription subscriptions billing "
          "bill money license-fee")
# Money given back is its own question: "Can I get my money back?" is answered by "Annual plans can be
# refunded within 14 days", not by the price (`meaning._RELATED_INTENTS` keeps the two kin)
_synonyms("refund", "refund refunds refunded refundable reimburse reimbursed reimbursement")
# Not "target" alone: "targets QEMU" is a platform; "target customers" stays (a phrase below).
_synonyms("customer", "customer customers user users audience persona personas buyer buyers segment "
          "segments adopter adopters")
_synonyms("compare", "compare compared comparison versus vs "
          "alternative alternatives unlike competitor competitors competition competitive compete competes competing "
          "incumbent incumbents instead")
_synonyms("problem", "problem problems pain pains solve solves solved solving")
# Not "start" alone: "so the next session starts ahead" is not how to get started (phrases below).
_synonyms("getting_started", "install installed installing installation setup onboard onboarding signup")
_synonyms("requirement", "requirement requirements require requires required prerequisite prerequisites")
# The noun "support" (a support team, "Support is the largest cost") is help; the verb ("supports
# Postgres", "Which formats does it support?") is compatibility (folded to "supports" first, below).
_synonyms("help", "help helpdesk troubleshoot troubleshooting contact support")
_synonyms("security", "secure security safe encrypt encrypted encryption protect protected protects protection "
          "leak leaks leaking breach "
          "breaches attack attacks attacker vulnerability vulnerabilities threat compromised compromise "
          "phishing")
_synonyms("privacy", "privacy private personal confidential confidentiality gdpr pii consent stored storage anonymous "
          "anonymity disclose discloses disclosed disclosure")
_synonyms("performance", "performance fast faster speed slow slower latency throughput overhead bottleneck "
          "bottlenecks load scale scaling scales scalable scalability capacity tune")
_synonyms("risk", "risk risks risky riskiest danger dangerous endanger fail fails failure failures wrong assumption "
          "assumptions misuse abuse harm harmful mitigate mitigates mitigated mitigating mitigation mitigations")
_synonyms("scope", "scope out-of-scope non-goal non-goals exclude excluded deliberately")
# Not "next" alone: "the next available sailing" is no plan; "what's next", "the next version" are
# (a phrase below).
_synonyms("roadmap", "roadmap future upcoming planned v2 vision")
# Not "working" alone: "working knowledge of C" says nothing of success; "is it working?" does (a phrase below).
_synonyms("success", "success successful metric metrics measure measured measuring kpi kpis")
_synonyms("compatible", "compatible compatibility integrate integrates integration integrations interoperate "
          "supports")
# Where it runs is not what it works with: "Can I run it on Windows?" is not "Will it work with
# Jenkins?", though a reader calls both compatibility (`meaning._RELATED_INTENTS` keeps them kin).
_synonyms("platform", "windows linux macos mac ios android browser browsers iphone ipad smartphone smartphones")
# Not "move" alone: "the pager does not move until ..." is no migration; "move my data" is (a phrase below).
# Not "port" alone: "buy a ticket at the port" is a harbour; "port my data over" is a phrase below.
_synonyms("migrate", "migrate migrating migration import importing switch switching")
# Not "contribute", "contributors" or "contributions" alone: in a retro, a survey or a fund they are
# people's input ("Contributors describe what is working"). A project's contributions are phrases:
# "contributions are welcome", "pull requests", "CONTRIBUTING.md" (below).
_synonyms("opensource", "open-source opensource oss github license licence licensed licensing")
# Not "owner" nor "ownership": "store owners" are customers, "action-item ownership" is a feature.
_synonyms("maintenance", "maintain maintains maintained maintaining maintenance owns burden upkeep")
_synonyms("availability", "available availability launch launches launched release released releases "
          "schedule ship ships shipping")
_synonyms("quality", "test tests tested testing quality validate validated validation verify verified audit "
          "audited accurate accuracy")
# Not "local" alone: "local food", "local farms", "the local council" are not on the customer's
# machine. "local-first", "local models", "runs locally" are (phrases below).
_synonyms("local", "offline on-prem self-host machine laptop")
# "What is the hardest part?", "What is the toughest problem?": the hard part of building it
_synonyms("hardest", "hardest toughest trickiest")
_synonyms("nearby", "local locally")  # the bare words, so they do not stand for the concept "local" itself
# a file format's own name answers "What output formats are supported?" ("Markdown in v1", "- **CSV**")
_synonyms("export", "export exports exporting output outputs format formats json csv tsv markdown yaml yml xml pdf "
          "html parquet xlsx docx")
_synonyms("trust", "trust trustworthy control controls oversight autonomous autonomy review approve")
_synonyms("backup", "backup backups restore restores recover recovery")
_synonyms("retention", "delete deleted deletion retention retain erase")  # "remove": a phrase above
# "Is it certified for pharmaceutical transport?" asks what "What are the regulatory requirements?" answers
_synonyms("legal", "legal law laws regulation regulations regulatory regulated regulator regulators compliance "
          "compliant liability "
          "liable patent patents trademark copyright terms certify certified certification certifications")
_synonyms("demand", "demand evidence traction interest interview interviews survey surveys waitlist pilot "
          "pilots")
_synonyms("market", "market markets tam addressable size")
_synonyms("economics", "margin margins revenue revenues profit profitable profitability economics p&l "
          "payback breakeven break-even financial financials projection projections")
# What the maker spends (OUR_COST): its own concept, or "What margin do distributors make?" (economics)
# would take the answer to "What does it cost us to make each sensor?" for its own.
_synonyms("ourcost", "ourcost")
_synonyms("invest", "invest investment headcount staffing budget funding fund engineers")
_synonyms("dependency", "dependency dependencies depend depends third-party vendor vendors partner partners "
          "upstream")
_synonyms("reliability", "uptime sla outage outages downtime reliable reliability availability-sla stuck "
          "crash crashes production stable stability mature experimental")
_synonyms("time", "long quickly minutes hours days weeks months")
_synonyms("why_now", "now timing")
_synonyms("collaboration", "share shared sharing colleague colleagues collaborate collaboration collaborative "
          "multi-user")
# ("How much will I save?" asks how much better off it leaves the customer)
_synonyms("benefit", "benefit benefits better value valuable save saves saving savings")
_synonyms("skill", "know knowledge learn learning expert expertise beginner beginners novice skills skill")
_synonyms("customize", "customize customise customizable customization custom edit editing configure "
          "configurable configuration config extend extensible plugin plugins")
_synonyms("stop", "stop kill pivot abandon sunset")
_synonyms("oneway", "one-way irreversible reversible reversibility")
_synonyms("gtm", "go-to-market marketing distribution")
_synonyms("build", "build building built")
_synonyms("data", "data")
# Where a customer buys what the product orders for them: "Which shops can it order from?" is
# "Which suppliers does it work with?". A subject, not an intent (see INTENT_CONCEPTS).
_synonyms("supplier", "supplier suppliers shop shops retailer retailers wholesaler wholesalers merchant merchants "
          "grocer grocers")
# Whom a question is about, in more than one word: "Why would teenagers accept being tracked?" is
# "Why would a teen agree to this?". Subjects, not intents (see INTENT_CONCEPTS).
_synonyms("teen", "teen teens teenager teenagers adolescent adolescents")
# "Do I need an engineer to use it?" is "Can I use it without a developer?"
_synonyms("developer", "developer developers engineer engineers programmer programmers coder coders")
_synonyms("child", "kid kids child children")
# "accounting" is a trade, not a login ("accounting software", "accounting practices")
_synonyms("accountancy", "accounting accountancy accountant accountants")
_synonyms("account", "account accounts register registered registering registration login log-in")
_synonyms("adoption", "accept accepts accepted agree agrees agreed adopt adopts adoption")
# "Can my teen turn it off?", "Can the teenager disable it?" (a phrase folds "turn ... off" first)
_synonyms("switch_off", "switch-off disable disables disabled pause pauses paused opt-out")
_synonyms("age", "come-of-age")
# "What happens in areas without coverage?" is "What happens when the truck has no mobile signal?"
_synonyms("connectivity", "coverage signal signals reception connectivity")
# "Why is it called Tangent?", "Naming and positioning?": answered where the document speaks of
# the name ("The name reflects ...", "an internal code name"); "called" only in a question (a phrase)
_synonyms("naming", "name names named naming rename renamed renaming")

# Kept where the customer is: "stay on your device", "processed on the phone", "runs on-device".
_ON_DEVICE = (r"\b(?:stays?|stayed|kept|keeps?|stored|stores?|remains?|lives?|processed|runs?|happens?|done) "
              r"(?:\w+ ){0,3}on (?:the|your|their|my|our|each|every|a) (?:own )?"
              r"(?:device|phone|laptop|computer|machine|tablet|watch)s?\b"
              r"|\bon[- ]device\b|\bnever leaves? (?:the|your|their|my|our) "
              r"(?:device|phone|laptop|computer|machine|network|premises)\b")

# Phrases whose meaning lives in function words. Checked on the lower-cased question text.
_PHRASES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), concept)
    for pattern, concept in (
        (r"\bhow much (?:does|do|will|would|is)\b[^?]*\b(?:cost|pay|charge)", "price"),
        # "Who can borrow a hotspot?", "Who can join?", "Who is eligible?": whom it is for
        (r"\bwho\b[^?.]*\b(for|use|using|benefit|need|needs|borrow|buy|join|enrol|enroll|apply|order|subscribe|"
         r"sign up|qualify|qualifies|eligible)\b", "customer"),
        (r"\bwho is (the|our) (customer|user)", "customer"),
        (r"\btarget (?:customers?|users?|audiences?|market|segments?|groups?)\b", "customer"),
        (r"\bdiffer(?:s|ent|ence|ences)?\b (?:from|than|to|between)|\bhow (?:is|does) [^?]* differ|\bwhy not\b"
         r"|\bisn'?t (this|it) just\b|\brather than\b|\bover plain\b", "compare"),
                # (not "each swap today starts with a group text": someone starts using it)
                # (nor "we start with the 24,000 independents in Texas": where the team starts selling)
                (r"\bget(ting)? started\b|\bset(ting)? up\b|\bsign up\b|(?:^\W*|\b(?:you|we|i|users|customers|teams) "
                 r"(?:can |could |should )?)(?:start|begin)(?:s|ning)? using\b|(?:^\W*|\b(?:you|i|users|customers|"
                 r"teams) (?:can |could |should )?)(?:start|begin)(?:s|ning)? with\b|"
         r"\bhow (?:do|can|should|would) (?:i|we|you) (?:start|begin)\b|\bfirst steps?\b"
         r"|^\W*(?:log|sign) ?in (?:with|at|to|using)\b", "getting_started"),
        (r"\bout of scope\b|\bnot (build|do|doing|built)\b|\bwill not\b|\bwon'?t (build|do)\b"
         # "What is not in version one?", "What is left out of v1?", "What's not included at launch?"
         r"|\bnot (?:in|part of|included in|included at|covered (?:in|by)|at) (?:the )?(?:version (?:one|1)|v1(?:\.0)?|"
         r"first (?:version|release)|mvp|launch|initial release)\b|\bleft out\b|\bnot included\b"
         # "What is missing at launch?", "What's still missing?"
         r"|\bwhat(?:'s| is| are)? (?:still )?missing\b|\bmissing (?:at|in|from) (?:launch|v1|version one)\b", "scope"),
        # "Why build this now?", "Why launch it now and not next year?", "Why is now the right time?"
        # (not "Why do I now need an account?": "now" there is no time chosen)
        # "Where can I buy it?", "Where is it sold?": where a customer gets it, not build-or-buy
        # (not "Where can I get help?": that is where help is)
        (r"\bwhere (?:can|do|could|should|will|would) (?:i|we|you|customers|people|shoppers|owners) (?:buy|get|order|"
         r"purchase|find)\b(?! (?:help|support|assistance|answers|advice|training|in touch)\b)"
         r"|\bwhere (?:is|are) (?:it|they|this) (?:sold|available|on sale|stocked)\b", "availability"),
        # "Does it phone home?", "Is there telemetry?": what it sends about its user, a privacy question
        (r"\b(?:phones?|phoning|calls?|calling) home\b|\btelemetry\b", "privacy"),
        # "Does it send my code anywhere?", "Does it upload anything about our repo?": what leaves the
        # customer's hands (not "send invoices", "upload a photo of the receipt")
        (r"\b(?:send|sends|sent|sending|upload|uploads|uploaded|uploading|transmit\w*)\b[^?.]{0,40}?\b(?:anywhere|"
         r"elsewhere|to (?:the cloud|your servers?|a server|anyone|third[- ]part(?:y|ies)))\b"
         r"|\bupload(?:s|ed|ing)? anything\b", "privacy"),
        # "Is there a person I can phone?", "Can I talk to a human?": help from a person
        (r"\b(?:a|an|any|real|actual) (?:person|human|someone|somebody)\b[^?.]{0,30}\b(?:phone|call|talk|speak|"
         r"reach|email|e-mail|chat)\b|\b(?:phone|call|talk to|speak to|speak with|talk with|reach) (?:a |an |any |"
         r"real |actual )?(?:person|human|someone|somebody)\b|\b(?:phone|live|24/7) (?:support|chat)\b", "help"),
        # "if Halyard gets bought", "is acquired", "an acquisition": a change of owner, a risk of its own
        (r"\b(?:gets?|got|is|are|was|were|being|be) (?:bought|acquired|taken over|sold)\b(?! (?:by (?:customers|users)|"
         r"in|at|online|through)\b)|\bacquisitions?\b|\bacquired by\b|\bchange of (?:control|ownership)\b"
         r"|\bbuys? (?:them|the company|the vendor) out\b",
         "acquisition"),
        # "What cut are you taking?", "the take rate": the commission a marketplace charges (not "cut
        # costs", "a cut finger")
        (r"\b(?:what|your|our|their|its|a|the) cut\b(?! (?:finger|hand|costs?|times?|the)\b)"
         r"|\btake[- ]rates?\b|\btak(?:e|es|ing) (?:a |your |their )?cut\b", "price"),
        # "Is there an enterprise edition with features locked away?", "Is it open-core?": a paid tier
        (r"\benterprise (?:edition|version|tier|plan|licen[cs]e)s?\b|\bpremium (?:tier|version|plan|edition)s?\b"
         r"|\bopen[- ]core\b|\blocked (?:away|behind)\b|\bpaywall\w*", "price"),
        (r"\bmost (?:difficult|challenging) (?:part|problem|thing)\b|\bbiggest (?:technical )?"
         r"(?:challenge|unknown)\b", "hardest"),
        (r"\bwhy now\b|^\W*why (?:\w+ ){1,3}now\W*(?:$|\?|and\b|rather\b|instead\b|not\b)"
         r"|\bwhy (?:is )?(?:now|this year|this quarter) (?:is )?the right (?:time|moment)\b"
         r"|\bwhy (?:the|this) timing\b", "why_now"),
        # a service it runs on ("multiple AI providers", "the payment provider"); not "healthcare providers"
        (r"\b(?:ai|llm|model|cloud|payments?|identity|auth|e-?mail|sms|hosting|data|api|third[- ]party|upstream|"
         r"storage|maps?|telecom|internet|network|inference|compute|gpu|sso|oauth|messaging|shipping|logistics) "
         r"providers?\b", "dependency"),
        (r"\bwhy (?:is|was|are) (?:it|this|the \w+) (?:called|named)\b", "naming"),
        (r"\bport(?:s|ed|ing)? (?:(?:all|my|our|your|their|existing|the|old)\s+){0,2}(?:data|files?|notes?|accounts?|"
         r"histor(?:y|ies)|records?|projects?|content|code|apps?|workloads?|everything|it|them)\b"
         r"|\bport(?:s|ed|ing)? (?:\w+ )?(?:over|across)\b|\bporting\b", "migrate"),
        # "move my existing clients over", "move from Trello", "moving off spreadsheets"
        (r"\bmov(?:e|es|ed|ing) (?:(?:all|my|our|your|their|existing|the|old|its|every)\s+){0,2}(?:data|files?|notes?|"
         r"accounts?|histor(?:y|ies)|records?|projects?|content|clients?|customers?|users?|workloads?|apps?|"
         r"boards?|documents?|everything)\b|\bmov(?:e|es|ed|ing) (?:\w+ )?(?:over|off|across)\b|"
         r"\bmov(?:e|es|ed|ing) (?:from|away from)\b", "migrate"),
        # the money that funds it: "What happens when the grant ends?", "grant-funded", "donations"
        (r"\b(?:the|a|our|its|state|federal|city) grants?\b|\bgrants? (?:ends?|runs? out|expires?|money|funding)\b"
         r"|\bgrant[- ]funded\b|\bfunded by\b|\bdonations?\b|\bdonors?\b|\bsponsorship\b", "invest"),
        # Rival products, which a comparison of two choices ("Why sell through distributors instead of
        # directly?") does not name: both are `compare`, only this one is about competitors.
        (r"\bcompet(?:e|es|ed|ing|itors?|ition|itive)\b|\brivals?\b|\bincumbents?\b", "competitor"),
        (r"\bwho (?:(?:can|could|will|would|gets to) (?:see|read|access)|sees|reads|accesses)\b|\bwho has access\b",
         "privacy"),
        # "How long do you keep my data?", "How long is it stored?": how long it is kept, a retention question
        (r"\bhow long\b[^?.]*\b(?:keep|kept|store|stored|retain|retained|hold|held)\b", "retention"),
        (r"\bworks? (?:with|on)\b|\bintegrates? with\b", "compatible"),
        (r"\bhow many\b[^?]*\b(?:are there|exist|have this|need this)\b", "market"),
        # "How many families could use this?", "How many practices could buy this?": the market's size
        (r"\bhow many\b[^?]*\b(?:could|would|might|will) (?:use|buy|pay for|want|need|subscribe)\b", "market"),
        # "Which platforms does it run on?" ("platform" alone is a word every question uses)
        (r"\bwhich (?:platforms?|devices?|phones?|operating systems?|browsers?)\b|\bruns? on (?:which|what)\b",
         "platform"),
        # "What if the system goes down on a deadline?", "What happens if the site is down?"
        (r"\b(?:is|are|goes|go|went|gone|was|were|being) (?:down|offline)\b|\bcrash(?:es|ed)?\b", "reliability"),
        (r"\ball day\b|\bday[- ]to[- ]day\b|\bday in the life\b|\btypical (day|session|week)\b", "workflow"),
        (r"\bbuild (vs\.?|versus|or) buy\b", "build"),
        (r"\bleaves? my\b|\bleave (the|my|your)\b", "local"),
        # "What data do you keep about boaters?", "What information does it collect?": a privacy question
        # (asked of the maker, not the team's own "What customer data do we keep?", a question of its own)
        (r"\bwhat (?:\w+ )?(?:data|information|info|details|records)\b (?:do|does|will|would|can) (?!we\b|i\b)\w+"
         r"(?: \w+)? (?:keep|collect|store|hold|retain|track|share|log)\b", "privacy"),
        # "Can I use it without internet?", "keeps working without signal": what "Does it work offline?" asks
        (r"\b(?:without|with no|no) (?:an? )?(?:internet|signal|connection|connectivity|network|wi-?fi|coverage"
         r"|reception)\b", "local"),
        # "Receipt photos stay on your device", "processed on the phone", "never leaves your laptop":
        # kept where the customer is, which is what a privacy question asks ("Is it private?")
        # A medical device's regulator and route to market: "we filed a 510(k)", "FDA clearance",
        # "a Class II device", "CE marked"
        # a compliance audit or certificate: "SOC 2 Type II audited", "ISO 27001 certified", "HIPAA"
        (r"\bsoc ?(?:2|ii|1)\b|\biso[- ]?27001\b|\bhipaa\b|\bpci(?:[- ]dss)?\b|\bfedramp\b|\bhitrust\b",
         "legal"),
        (r"\b510\(k\)|\bfda\b|\bce[- ]mark(?:ed|ing)?\b|\bclass (?:i{1,3}|[123]) (?:medical )?devices?\b"
         r"|\bmedical devices?\b|\bde novo\b|\bpremarket (?:approval|notification)\b|\bnotified body\b", "legal"),
        (_ON_DEVICE, "local"),
        (_ON_DEVICE, "privacy"),
        # "What does it need to run?", "What do I need to install it?": the system requirements
        (r"\bneeds? to (?:run|install)\b|\bwhat do(?:es)? (?:i|you|it) need\b(?! to (?:know|learn|do|build)\b)",
         "requirement"),
        (r"\blocal[- ](?:first|only|storage|files?|disk|drive|machine|models?|llms?|inference|mode|install\w*|"
         r"cop(?:y|ies)|database|server|network|data|processing|host|dev\w*|environment|cluster|setup|cache|git|repo\w*|folder)\b"
         r"|\blocally\b(?! (?:sourced|grown|owned|made|produced|based|brewed|roasted))|\blocal\?$"
         r"|\b(?:run|runs|running|stored|stays?|kept|works?|processed) (?:\w+ ){0,2}local\b", "local"),
        (r"\bwhat happens (when|if)\b|^\W*what if\b|\bgo(es)? wrong\b|\bgets? stuck\b", "risk"),
        # "What could stop this?", "What might block the launch?": what threatens it
        (r"\bwhat (?:could|might|would|can) (?:stop|block|kill|derail|sink|delay|prevent)\b", "risk"),
        # "Marinas may not trust residents to report departures": what might not happen, the risk itself
        # ("... could be grouped, and the second one would not page")
        (r"\b(?:may|might|could|would) (?:not|never|refuse|fail|stop|lose|reject|ignore|churn|abandon)\b", "risk"),
        # "What if I don't have a smartphone?", "What happens if we have no internet?": what it needs
        (r"\bwhat (?:happens )?if (?:i|we|you|they|my \w+|our \w+)(?: still)? (?:don'?t have|do not have|doesn'?t have"
         r"|does not have|have no|has no|lack|can'?t get|cannot get|no longer have)\b", "requirement"),
        (r"\bcontribut\w*\b[^.?!]{0,80}\bwelcome\b|\bwelcomes? contribut|\baccepts? contribut|\bpull requests?\b"
         r"|\bcontributing(?:\.md| guide)\b|\bcontribute (?:to|on) (?:the )?(?:project|code|repo)"
         r"|\bhow (?:can|do|could) (?:i|we|you|others) contribute\b", "opensource"),
        (r"\bhow (do|will|would) (we|i|you) know\b|\bdefinition of done\b", "success"),
        (r"\bwhat(?:'s| is| comes)? next\b|\bcom(?:es|ing) next\b|\bnext (?:versions?|releases?|years?|quarters?|"
         r"phases?|steps?|milestones?|features?|stages?|iterations?|big thing)\b|\bafter (?:launch|v1|ga)\b",
         "roadmap"),
        (r"\b(?:is|it'?s|are|we'?re|they'?re) (?:it |this )?working\b", "success"),
    )
)

_USER_THING = (r"\buser[- ](?:programs?|space|land|interfaces?|ids?|data|input|mode|agents?|experience|accounts?|"
               r"names?|sessions?|stor(?:y|ies)|guides?|manuals?|settings|profiles?|level|facing)\b")
# "customer accounts", "customer data": what a system holds about customers, not whom it is for.
CUSTOMER_THINGS = (r"accounts?|data|records?|information|info|names?|e-?mails?|details|ids?|tickets?|lists?|"
                   r"databases?|files?|payments?|orders?|messages?|pii")
_CUSTOMER_THING = rf"\bcustomers?(?:'s|')?(?= (?:{CUSTOMER_THINGS})\b)"

_PHRASE_LITERALS = tuple(literals_of(pattern) for pattern, _ in _PHRASES)  # `_concepts`' prefilter

# Multi-word terms folded into one word before splitting, so their parts do not count again.
_COMPOUNDS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), word)
    for pattern, word in (
        (r"\bopen[- ]source[ds]?\b", "opensource"),
        (r"\bbreak[- ]even\b", "breakeven"),
        # an entity licensed to practise is regulated, not open source: "a library, not a licensed institution"
        (r"\blicen[cs]ed (?:financial )?(?:institutions?|banks?|lenders?|brokers?|advis[eo]rs?|premises|practitioners?|"
         r"professionals?|dealers?|operators?|entit(?:y|ies)|firms?|providers?|electricians?|plumbers?|"
         r"contractors?|pharmac(?:y|ies|ists?))\b", "regulated institution"),
        # how the maker earns, not what the customer pays: "How does it make money?"
        (r"\b(?:make|makes|making|made|earn|earns|earning|earned) (?:its |their |our |any |enough |more )?money\b",
         "revenue"),
        # "Can I get my money back?": a refund
        (r"\b(?:get|getting|got|give|gives) (?:my|our|your|their|the) money back\b", "refund"),
        # what is not needed is no requirement: "No changes are required" does not give the system
        # requirements (the thing not needed keeps its own concept: "No account is required")
        (r"\b(?:(?:is|are) not|isn'?t|aren'?t|no longer) (?:required|needed)\b"
         r"|(?<=\bno )((?:[\w-]+ ){1,3})(?:is|are) (?:required|needed)\b", r"\1notneeded"),
        # a time after the launch, not when it is available ("What is on the roadmap after launch?")
        (r"\b(?:after|post|following|since|beyond) (?:the )?(?:launch|release|ga)\b", "afterward"),
        (r"\bgo[- ]to[- ]market\b", "go-to-market"),
        (r"\bout[- ]of[- ]scope\b", "out-of-scope"),
        (r"\bone[- ]way\b", "one-way"),
        (r"\bset(?:ting)?[- ]up\b", "setup"),
        (r"\bsign(?:ing)?[- ]up\b", "signup"),
        (r"\bself[- ]host(?:ed|ing)?\b", "self-host"),
        (r"\bon[- ]prem(?:ises?)?\b", "on-prem"),
        (r"\bmoney[- ]back\b", "refund"),
        # the document itself, not a release of the product ("every claim in the press release")
        (r"\bpress[- ]releases?\b", "press-release"),
        # "What could stop us?" threatens the plan; "What result would make us stop?" is our decision
        (r"\b(?:could|might|would|can|will) (?:stop|block|kill|derail|sink)(?= (?:us|it|this|the|our|them|you)\b)",
         "endanger"),
        # our decision to stop ("What result would make us stop?", "we stop if fewer than 100 teams
        # ..."), not a thing of the product stopping ("Jobs stop, as they would with cron")
        (r"\b(?:make|makes|made|making) (?:us|the team) (?:stop|quit|kill|abandon|shut)\b"
         r"|\b(?:we|we'll|we will|we would|we'd|we should|we'd) (?:stop|kill|shut (?:it |this )?down|"
         r"wind (?:it |this )?down|sunset|abandon|pull the plug)\b"
         # "drop the pilot if it is under 30% after six months", "scrap the project"
         r"|\b(?:drop|end|cancel|close|stop|kill|shut down|wind down|sunset|abandon|scrap) (?:the|this|our) "
         r"(?:pilot|project|product|programme|program|trial|service|scheme|beta|feature|experiment)\b",
         "kill-decision"),
        # an insurance or warranty claim ("file a claim") is no claim the press release makes
        (r"\b(?:file|files|filed|filing|submit|submits|submitted|submitting|insurance|warranty)"
         r"(?: an?| the| your| their| my)? claims?\b", "insurance-claim"),
        # "Do you share my location data?", "Who do you share my data with?": handing data over is
        # privacy, not working together ("share it with my team" stays collaboration)
        (r"\bshar(?:e|es|ed|ing)\b(?=(?: (?!(?:from|about|in|on|of|for|to|and|or)\b)[\w'-]+){0,3}"
         r" (?:data|locations?|information|info|details|histor(?:y|ies)|records?|whereabouts|contacts?|"
         r"identit(?:y|ies))\b)",
         "disclose"),
        # "Can I remove my account?" deletes; "Can a thief remove the tracker?" takes a thing off
        (r"\bremov(?:e|es|ed|ing)\b(?=(?: (?:my|your|our|their|his|her|the|all|any|this|that|personal|customer|user|"
         r"stored|old))* (?:data|accounts?|information|info|histor(?:y|ies)|records?|files?|photos?|messages?|"
         r"recordings?|details|profiles?|content|posts?|comments?|everything)\b)", "delete"),
        # willingness to pay is evidence of demand, not the price: "a real person who would pay?"
        (r"\b(?:would|willing to|will they|who'd) pay\b", "traction"),
        # "private registries", "a private beta": a kind of thing or of access, not the customer's privacy
        (r"\bprivate (?:registr(?:y|ies)|repos?|repositor(?:y|ies)|networks?|clouds?|keys?|beta|preview|"
         r"compan(?:y|ies)|equity|sector|schools?|methods?|apis?|fields?|packages?|channels?|instances?|subnets?|"
         r"endpoints?|members?|attributes?|functions?|classes|variables?|fork|branch(?:es)?)\b", "private-thing"),
        # how soon money arrives, not what it costs: "How long does a claim take to pay?", "time to payment"
        (r"\b(?:takes?|took|taking) (?:\w+ )?to (?:be )?(?:pay|paid)\b|\btime to (?:payment|pay(?:out)?)\b",
         "payment-time"),
        # money the customer sends through it, not what it costs them: "Which countries can I pay
        # into?", "pay out to sellers"
        (r"\bpa(?:y|ys|id|ying) (?:into|out)\b", "payout"),
        # wages the customer earns, not what it costs them: "Is the amount I see what I will be paid?"
        (r"\b(?:be|get|gets|got|been|being|am|are|is|was|were|getting)\s+paid\b|\bpay(?:slips?|checks?|cheques?|"
         r"days?|roll)\b|\b(?:my|your|their|his|her|our|staff|worker|workers'?|hourly|weekly|take-home|holiday|"
         r"sick|back|overtime|minimum) pay\b", "wages"),
        # the cost of each unit served and what it earns: what it costs us, and the economics
        (r"\bunit economics\b", "ourcost economics"),
        # "my production database", "production credentials": where it runs, not how ready it is
        (r"\bproduction (?:databases?|db|credentials?|data|servers?|environments?|schemas?|traffic|tables?|"
         r"clusters?|systems?|access)\b", "prod-env"),
        # "change a flag in production", "changes reach production": where a change goes, not how ready
        # the product is ("runs in production at three banks" stays readiness)
        (r"\b((?:chang\w*|flip\w*|edit\w*|disabl\w*|enabl\w*|debug\w*|fix\w*|break\w*|turn\w* (?:\w+ ){0,3}?(?:on|off)|"
         r"roll\w* back)\b[^.?!]{0,40}?\b(?:in|to|into|on)) production\b|\b(chang\w* reach(?:es)?) production\b",
         r"\1\2 prod-env"),
        # "a user program", "the user interface": "user" names a kind of thing there, not a customer.
        (_USER_THING, "user-thing"),
        (_CUSTOMER_THING, "customer-thing"),
        # "What happens to counter staff?" asks what becomes of someone, not "What happens if the site
        # is down?": the two share only the word.
        (r"\bhappen(?:s|ed)? to\b", "becomes-of"),
        # "at launch" dates what is asked ("Which integrations are supported at launch?"); it is not
        # about the launch, and "Not at launch." does not answer it.
        (r"\bat (?:launch|release|ga)\b", " "),
        # "How much does the problem cost customers today?" sizes the problem; it asks no price
        (r"\b(?:the|this|that) problem costs?\b|\bcosts? of (?:the|this|that) problem\b", "problem"),
        # "When does the investment pay back?" is the payback, not a price a customer pays
        (r"\bpa(?:y|ys|id|ying) (?:itself |for itself )?back\b", "payback"),
        # "turn it off", "switch sharing off": not "switch" (to another product) nor "turn" (age)
        (r"\b(?:turn|switch)(?:s|ed|ing)? (?:(?:it|this|that|them|[a-z]+ing|[a-z]+) )?off\b", "switch-off"),
        # "Can teams opt out?", "opting out of reminders": what "switch it off" answers
        (r"\bopt(?:s|ed|ing)? out\b", "switch-off"),
        # "require everyone to create accounts", "Does it require manual organization?": what it asks of
        # people or their effort, not what it needs to run (the system requirements)
        (r"\brequir(?:e|es|ed|ing) (?:(?:no|any|a lot of|much|more|less|extra|little|some) )?(?:everyone|everybody|"
         r"anyone|users?|people|customers?|members?|staff|teams?|them|us|you to|manual\w*|efforts?|work|"
         r"training|time|approvals?|sign-?offs?|consent)\b", "obliges"),
        # "Pick metrics + date range", "your sleep metrics": measurements a user looks at or shares, not
        # how the team measures success
        (r"\b(?:(?:pick|picks|choose|chooses|select|selects|share|shares|view|views|see|sees|export|exports|"
         r"your|my|their|his|her|health|sleep|fitness|heart|glucose|body|biometric|vital|wearable|device|"
         r"sensor|server|system|host|container|cluster|prometheus|grafana)\s+)metrics?\b"
         r"|\bmetrics? to (?:share|show|see|view|export|sync|send)\b", "data-metrics"),
        # "accept automated matches as evidence", "audit evidence": proof for an auditor or a court,
        # not evidence that customers want the product
        (r"\b(?:as|audit|legal|documentary|forensic|supporting) evidence\b|\bevidence (?:for|of) (?:the )?"
         r"(?:audit|auditors?|compliance|controls?|regulators?|court)\b", "audit-evidence"),
        # "when my teen turns 18": an age, not a switch
        (r"\bturns? (?:1[0-9]|2[01]|eighteen|sixteen|an adult)\b", "come-of-age"),
    )
)

# What the company spends, not what the customer pays: "What does it cost us to make each sensor?",
# "How much did PermitPath cost the city?", "What will it cost us to acquire a family?", "unit cost",
# "bill of materials". Asked of a press release's maker, they are its economics; "How much does it
# cost?" (the customer's price) is not answered by them, nor they by a price.
OUR_COST = re.compile(
    # ("Cost to us", an FAQ's heading: what it costs the maker)
    r"\bcosts?(?= (?:(?:to|for) )?(?:us|we|our|the (?:city|company|council|state|government|business|team|department|"
    r"agency))\b"
    r"| (?:to|of) (?:build|make|manufacture|produce|develop|acquire|acquisition)\b| per (?:acquisition|"
    r"unit|customer acquired)\b)"
    r"|\b(?:unit|acquisition|development|build|production|manufacturing) costs?\b"
    r"|\b(?:how much|what) did (?:(?!\bcost\b)[^?.]){1,40}\bcost\b"
    r"|\bbill of materials\b|\bcac\b",
    re.IGNORECASE)


# The verb "support": "supports", "supported", "support for X", "Which formats does it support?".
_SUPPORTS_VERB = re.compile(r"\bsupport(?:s|ed)\b|\bsupport(?:ing)? (?:for|of)\b"
                            # "the 11 countries we support at launch"
                            r"|\bwe (?:(?:also|already|now|will|currently|fully|only|do not|don't) )?support\b"
                            r"(?! (?:you|them|him|her|our|your|their|customers|users|people|each other)\b)"
                            r"|\b(?:does|do|will|can|could) (?:[\w'-]+ ){1,4}?"
                            r"(?<!and )(?<!or )(?<!get )(?<!need )(?<!of )(?<!for )support\b"
                            r"(?! (?:team|staff|person|people|desk|line|ticket|contract|plan|engineer)s?\b)"
                            # "Python support follows in Q4", "Windows support", "SSO support": what it works
                            # with, not help
                            r"|\b(?:python|java|go|golang|typescript|javascript|rust|ruby|php|kotlin|swift|scala|c\+\+|"
                            r"c#|\.net|node(?:\.js)?|windows|linux|macos|ios|android|arm|arm64|gpu|cuda|sso|saml|oauth|"
                            r"ldap|postgres(?:ql)?|mysql|sqlite|docker|kubernetes|safari|firefox|chrome|edge|"
                            r"language|platform|browser|device|os|offline|multi-?language|unicode|ipv6|desktop|mobile|"
                            r"web|cloud|api|plugin|native) support\b")
# "Why not build QuickBooks Desktop support?": a named product's support is what it works with (a
# name inside the text, not the capital that opens a sentence: "Customer support is ...")
_NAMED_SUPPORT = re.compile(r"(?<=[a-z,;:] )((?:[A-Z][\w.+#-]*\s+){1,3})support\b")


def _supports(match: re.Match[str]) -> str:
    return re.sub(r"\bsupport(?:s|ed|ing)?\b", "supports", match.group(0))


def _our_cost(match: re.Match[str]) -> str:
    """The matched words with their "cost" as "ourcost" (the rest keeps its own concepts)."""
    return re.sub(r"\bcosts?\b|\bbill of materials\b|\bcac\b", "ourcost", match.group(0))


# Nouns whose "-er" is no agent of a verb: a permit "counter" is not "count", a refrigerated
# "trailer" not "trail", a "container" not "contain".
_NOT_AGENTS = frozenset({"counter", "counters", "trailer", "trailers", "container", "containers", "number",
                         "numbers", "member", "members", "matter", "matters", "letter", "letters", "quarter",
                         "quarters", "center", "centers", "corner", "corners", "banner", "banners", "chapter",
                         "chapters", "border", "borders", "poster", "posters", "winter", "summer", "answer",
                         "answers", "folder", "folders", "partner", "partners", "flower", "flowers",
                         # people, not the verb: "Other workers do not." says nothing of whether it works
                         "worker", "workers"})

_SUFFIXES = ("ations", "ation", "ings", "ing", "ness", "ies", "ied", "ers", "er", "ed", "es", "ly", "s")


# Short words whose final "s" is not a plural.
_SHORT_S = frozenset({"news", "aws", "ios", "dns", "gps", "tls", "sms", "yes", "has", "was", "its", "lets", "ops",
                      "gas", "bias", "plus", "thus", "less", "mass", "kudos"})


@lru_cache(maxsize=65536)  # the same few thousand words in every document: some 270 calls a page
def stem(word: str) -> str:
    """A light stem: enough to fold plurals and -ing/-ed forms, never so much that words collide."""
    word = word.strip("'’.-")
    if word in _SYNONYMS:
        return word
    if len(word) <= 4:
        # "DMs", "APIs", "bugs": a short plural folds too, or "What happens to DMs?" shares
        # nothing with "They appear in the client's DM section."
        if len(word) >= 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")) and \
                word not in _SHORT_S and word[:-1] not in STOPWORDS:
            return word[:-1]
        return word
    if word in _NOT_AGENTS:
        return word[:-1] if word.endswith("s") else word
    for suffix in _SUFFIXES:
        if suffix == "ly" and word.endswith(("ily", "ply")):
            continue  # "family", "supply" are no adverbs: "families" folds to "family", not "fami"
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            base = word[: -len(suffix)]
            if suffix == "ies" or suffix == "ied":
                base += "y"
            elif suffix in _DOUBLING:
                base = _undoubled(base)
            return base
    return word


# Suffixes before which English doubles a final consonant: "shipped", "scanning", "cancelled".
_DOUBLING = frozenset({"ings", "ing", "ers", "er", "ed"})


def _undoubled(base: str) -> str:
    """"shipp" (of "shipped") -> "ship", so that "shipping" and "ships" share a concept, as do
    "cancelled" and "cancels". As in Porter's stemmer, not after "ss", "zz", "ff" ("pressed",
    "staffed"), and "ll" only in "-ell" of a long word (British "cancelled", "travelled"), since
    "installed", "billing" and "spelled" keep theirs."""
    if len(base) < 4 or base[-1] != base[-2] or base[-1] not in "bdgmnprtl":
        return base
    if base[-1] == "l" and not (base.endswith("ell") and len(base) >= 6):
        return base
    return base[:-1]


def words(text: str) -> list[str]:
    return _WORD.findall(text.lower().replace("’", "'"))


def concept_of(word: str) -> str | None:
    """The concept a single word stands for, or None if it is a function word."""
    if word in STOPWORDS or word.isdigit():
        return None
    if word in _SYNONYMS:
        return _SYNONYMS[word]
    base = stem(word)
    if base in STOPWORDS:
        return None
    return _SYNONYMS.get(base, base)


# "What is X?" asks for a definition when X is a name or a term ("What is the Tangent Graph?", "What
# is an AI-BOM?", "What does 'sandboxed' mean?"), not when it is an ordinary noun ("What is the
# release schedule?"). Checked on the original capitals.
_DEFINE = re.compile(
    r"^\W*what(?: exactly)? (?:is|'s|are)(?: the)? (?:[A-Z][\w.+-]*|productname)(?: [\w.+-]+){0,3}\W*$"
    r"|\bwhat(?: exactly)? is an? \w|\bwhat does [^?]{1,40} (?:actually )?mean\b|\bwhat exactly is\b",
    re.IGNORECASE,
)
_DEFINE_NAME = re.compile(r"^\W*what(?: exactly)? (?:is|'s|are)(?: the)? ([^\W\d_][\w.+-]*)", re.IGNORECASE)


_COMPOUND_LITERALS = tuple(literals_of(pattern) for pattern, _ in _COMPOUNDS)
_OUR_COST_LITERALS = literals_of(OUR_COST)
_SUPPORTS_LITERALS = literals_of(_SUPPORTS_VERB)


def _asks_definition(text: str) -> bool:
    match = _DEFINE.search(text)
    if match is None:
        return False
    name = _DEFINE_NAME.match(text)
    # The first branch needs a capitalised name (or the product); the others stand on their own.
    if name is None or name.group(1)[0].isupper() or name.group(1).lower() in ("productname", "it", "this", "that"):
        return True
    return re.search(r"\bwhat(?: exactly)? is an? \w|\bmean\b|\bwhat exactly is\b", text, re.IGNORECASE) is not None


def concepts(text: str, *, aliases: Iterable[str] = ()) -> frozenset[str]:
    """The set of concepts a question is about. `aliases` (e.g. the product's name) fold to `product`."""
    return _concepts(text, tuple(aliases))


@lru_cache(maxsize=16384)
def _concepts(text: str, aliases: tuple[str, ...]) -> frozenset[str]:
    # Cached: the same bank questions, filled with the same product name, are compared in every
    # document of a folder, and a sentence's concepts are asked for by every question judged.
    text = text.replace("’", "'")
    if " support" in text:
        text = _NAMED_SUPPORT.sub(r"\1supports", text)
    for alias in aliases:
        if alias.strip():
            text = re.sub(rf"(?<![\w-]){re.escape(alias)}(?:'?s)?(?![\w-])", "productname", text, flags=re.IGNORECASE)
    lowered = text.lower()
    # A phrase whose required words are missing from the text cannot match it (`assistant.literals`).
    folded = lowered.casefold()
    found = {concept for (pattern, concept), literals in zip(_PHRASES, _PHRASE_LITERALS, strict=True)
             if may_occur(literals, folded) and pattern.search(lowered)}
    # Likewise a fold whose words are missing leaves the text as it is (`folded` follows each fold run).
    for (pattern, word), literals in zip(_COMPOUNDS, _COMPOUND_LITERALS, strict=True):
        if may_occur(literals, folded):
            lowered = pattern.sub(word, lowered)
            folded = lowered.casefold()
    # OUR_COST ignores case, and `re` matches "i" to the dotless and dotted I, unlike casefold.
    if may_occur(_OUR_COST_LITERALS, folded) or "\u0131" in lowered or "\u0130" in lowered:
        lowered = OUR_COST.sub(_our_cost, lowered)
        folded = lowered.casefold()
    if may_occur(_SUPPORTS_LITERALS, folded):
        lowered = _SUPPORTS_VERB.sub(_supports, lowered)
    if _asks_definition(text):
        found.add("define")
    for word in _WORD.findall(lowered):
        concept = concept_of(word)
        if concept:
            found.add("product" if concept == "productname" else concept)
    return frozenset(found)


INTENT_CONCEPTS = frozenset(set(_SYNONYMS.values()) | {c for _, c in _PHRASES} | {"define"}) - {
    "data", "time", "build", "teen", "child", "account", "developer", "supplier"}


@lru_cache(maxsize=8192)
def weight(concept: str) -> float:
    """Intent concepts say what kind of question it is; they count double (a bare "what is" once).
    Rare words (names like "SQLite", "OPAQUE", coined terms) say which thing it is about; they count
    one and a half. The product's name counts half: nearly every question about a document is about
    its product."""
    if concept == "product":
        return 0.5
    if concept == "define":
        return 1.0  # "what is ..." says little until we know what it is asked of
    if concept in INTENT_CONCEPTS:
        return 2.0
    return 1.5 if _is_rare(concept) else 1.0


def _is_rare(word: str) -> bool:
    from assistant.clarity.lexicon import zipf  # wordfreq's values, from the cached table (no wordfreq import)

    try:
        return zipf(word) < 3.0
    except ImportError:  # pragma: no cover - wordfreq is a dependency
        return False


_WEIGHTS: dict[str, float] = {}  # weight() of every concept seen; a plain dict is the cheapest lookup


def _total(items: Iterable[str]) -> float:
    # Called hundreds of thousands of times per folder (every pair of questions is compared), so
    # the loop avoids a function call per concept.
    total = 0.0
    for concept in items:
        value = _WEIGHTS.get(concept)
        if value is None:
            value = _WEIGHTS[concept] = weight(concept)
        total += value
    return total


def weighted(items: Iterable[str]) -> float:
    """The summed weight of some concepts (`weight` of each)."""
    return _total(items)


def coverage(asked: frozenset[str], other: frozenset[str]) -> float:
    """How much of `asked` (weighted) `other` covers, 0..1."""
    if not asked:
        return 0.0
    return _total(asked & other) / _total(asked)


def coverages(asked: frozenset[str], others: list[frozenset[str]]) -> list[float]:
    """`coverage(asked, other)` of each of `others`, the weight of `asked` summed once."""
    if not asked:
        return [0.0] * len(others)
    total = _total(asked)
    return [_total(asked & other) / total for other in others]


def similarity(a: frozenset[str], b: frozenset[str]) -> float:
    """Weighted Jaccard of two concept sets, 0..1."""
    union = a | b
    if not union:
        return 0.0
    return _total(a & b) / _total(union)


# --- sentences ----------------------------------------------------------------------------
class Sentence(NamedTuple):
    start: int
    end: int
    text: str


_FENCED = re.compile(r"(?ms)^[ \t]*(```|~~~).*?(?:^[ \t]*\1|\Z)")
# A notes section's title alone on its line: "1. Problem", "Price & timing" (at most
# MAX_LABEL_WORDS words with its number, no sentence punctuation)
TITLE_LINE = r"(?:\d{1,2}[.)][ \t]+)?[A-Z][\w&/'’ -]{0,38}[\w)]"
MAX_LABEL_WORDS = 4
_TITLE_LINE = re.compile(TITLE_LINE)


def is_title_line(text: str) -> bool:
    """Is `text` (one line, trimmed) a section title by its shape ("1. Problem", "Price & timing")?"""
    return len(text.split()) <= MAX_LABEL_WORDS and _TITLE_LINE.fullmatch(text) is not None


_SENTENCE_END = re.compile(r"(?m)^(?P<heading>[ \t]{0,3}#{1,6}[ \t][^\n]*)\n"
                           r"|(?<=[.!?])[\"'”’)\]]*\s+(?=[\"'“‘(\[*_]*[A-Z0-9])|\n\s*\n|\n(?=\s*(?:[-*+]|\d+[.)])\s)"
                           # "1. Problem" or "Price & timing" on a line of its own over a capitalised line:
                           # a notes section's title, a sentence of its own like a Markdown heading
                           rf"|^(?P<label>[ \t]*{TITLE_LINE})[ \t]*\n(?=[ \t]*[\"“*_]*[A-Z])")
_ABBREVIATIONS = re.compile(r"\b(e\.g|i\.e|etc|vs|mr|mrs|ms|dr|inc|ltd|co|st|no|approx|u\.s)\.$", re.IGNORECASE)
_MARKUP = " \t\n*_#>-+|"


def _abbreviation_before(text: str, begin: int, split: int) -> bool:
    """Whether the full stop before `split` closes an abbreviation: "ms." only as a title ("Ms.
    Rivera"; "under 10 ms." is a figure). "No." always does: "No. 5", and a "No." that opens an
    answer is read with the sentence it opens ("No. You need working knowledge of C"), as it is
    quoted. (Splitting it off, as "Yes." is, measured worse: questions-ask 171 -> 170 of 294, and
    the sentence after it then answers without its "No.")"""
    found = _ABBREVIATIONS.search(text, begin, split)
    if found is None:
        return False
    if found.group(1).lower() == "ms":
        return not text[max(0, found.start() - 8) : found.start()].rstrip()[-1:].isdigit()
    return True


def sentences(text: str, start: int = 0, end: int | None = None) -> Iterator[Sentence]:
    """Sentences of text[start:end], with offsets into `text` and surrounding markup trimmed."""
    end = len(text) if end is None else end
    cursor = start
    segment = text[start:end]
    fenced = [m.span() for m in _FENCED.finditer(segment)] if "```" in segment or "~~~" in segment else []
    for match in _SENTENCE_END.finditer(segment):
        if (match.group("heading") is not None or match.group("label") is not None) and \
                any(a <= match.start() < b for a, b in fenced):
            continue  # "# Grafana: the dashboards" in a shell block is a comment, not a heading
        if match.group("label") is not None and not is_title_line(match.group("label").strip()):
            continue  # a short line of prose, not a title
        title = "heading" if match.group("heading") is not None else "label" if match.group("label") else None
        if title is not None:
            # "## Launch" on its own line, the text right under it: the heading is a sentence of its
            # own ("Launch\nBeta in Manchester ..." was one, and read as the heading)
            for piece in (_trim(text, cursor, start + match.start(title)),
                          _trim(text, start + match.start(title), start + match.end(title))):
                if piece:
                    yield piece
            cursor = start + match.end()
            continue
        split = start + match.start()
        if _abbreviation_before(text, max(cursor, split - 8), split):
            continue
        piece = _trim(text, cursor, split)
        if piece:
            yield piece
        cursor = start + match.end()
    piece = _trim(text, cursor, end)
    if piece:
        yield piece


_ANSWER_LABEL = re.compile(r"(?:A|Answer)\s*\d{0,3}\s*[:.)]\s*(?:\*\*|__)?\s*")


def _trim(text: str, start: int, end: int) -> Sentence | None:
    while start < end and text[start] in _MARKUP:
        start += 1
    label = _ANSWER_LABEL.match(text, start, end)  # "A: It costs $9." quotes as "It costs $9."
    if label:
        start = label.end()
    while end > start and text[end - 1] in " \t\n*_|":
        end -= 1
    start, end = _with_its_emphasis(text, start, end)
    if end - start < 2:
        return None
    return Sentence(start, end, text[start:end])


_EMPHASIS = ("**", "__", "*", "_", "`")


def _with_its_emphasis(text: str, start: int, end: int) -> tuple[int, int]:
    """Give back the emphasis markers trimming took from a sentence that closes them: a list item
    "- **CSV** – for a spreadsheet" quotes as "**CSV** – for a spreadsheet", not "CSV** – ...";
    "**Yes.**" quotes whole."""
    for marker in _EMPHASIS:
        opens = start - len(marker)
        if opens < 0 or text[opens:start] != marker or (opens > 0 and text[opens - 1] == marker[0]):
            continue
        closes = text.rfind(marker, start, end + len(marker))
        if closes <= start:
            return start, end
        return opens, max(end, closes + len(marker))
    return start, end
