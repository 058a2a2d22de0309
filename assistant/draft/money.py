"""Money as notes write it, in any currency: one pattern for every rule that looks for a price.

Notes from outside the US price in their own money: "₹499", "KSh 30", "R45", "A$85", "MXN 2,500",
"89 zł", "DKK 350", "Rp 99.000", "S$25", "¥800". A rule that knows only "$", "€" and "£" puts
those prices nowhere (or in The problem). `money_pattern()` is the pattern of an amount with its
currency, written before or after the figure; rules embed it (`facts.CUES`, `offline.our_price`)
instead of each listing its own signs.

The ISO 4217 codes come from `pycountry` (its data ships in the wheel; nothing is downloaded). A
code is matched in capitals only, and next to a figure, so "TOP 10" and "ALL 3 stores" stay
words: the codes that are everyday English words (wordfreq) are left out.
"""

from __future__ import annotations

import functools
import re

# Currency signs (Unicode category Sc) that notes put before or after a figure.
SIGNS = "$€£¥₹₦₱₩₪₫₴₸₺₼₽₾₵₡₲₭₮฿"
# Dollars and others written with a country's letters before the sign: "NZ$18", "A$85", "R$40".
_DOLLAR_PREFIX = r"(?:NZ|AU|A|CA|C|US|HK|SG|S|NT|MX|R)(?=\$)"
# Local abbreviations written before the figure ("KSh 30", "Rp 99.000", "Rs. 250", "R45" rand) or
# after it ("89 zł", "120 kr", "350 Kč", "4 500 Ft").
_LOCAL_BEFORE = r"KSh|Ksh|USh|TSh|Rp|Rs\.?|R(?=\s?\d)|CHF|Fr\.|GH₵"
_LOCAL_AFTER = r"zł|zl|kr|Kč|Ft|lei|euros?|dollars?|pounds?|rupees?|pesos?|naira|shillings?|rand|yen|yuan"
# A figure as notes write it: "2,500", "99.000", "1 200", "2.99", "1.2M", "40k".
AMOUNT = r"\d{1,3}(?:[,.\u00a0\u202f ]\d{3})+(?:[.,]\d{1,2})?|\d+(?:[.,]\d{1,2})?"
_SCALE = r"(?:\s?(?:k|K|m|M|bn|mn)(?![A-Za-z]))?"
# Codes that are everyday English words: "TOP 10" is a ranking, not Tongan pa'anga.
_WORD_LIKE_ZIPF = 4.2
# ISO's X-codes are funds, metals and test codes, except these currencies people price in.
_X_CURRENCIES = frozenset({"XAF", "XOF", "XCD", "XPF"})


# A price said in words, as dictated or chatty notes do: "about fifteen dollars a month",
# "twenty-five euros", "a hundred pounds". Only with a currency word after it: "three shops" is a count.
_UNITS = r"one|two|three|four|five|six|seven|eight|nine"
_NUMBER_WORDS = (rf"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:{_UNITS}))?|{_UNITS}|ten|"
                 r"eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|(?:a|one) hundred)")
_WORD_AMOUNT = (rf"\b(?i:{_NUMBER_WORDS})\s+(?i:dollars|euros|pounds|rupees|pesos|rand|shillings|francs|"
                r"kronor|kroner|crowns)\b")


@functools.cache
def iso_codes() -> tuple[str, ...]:
    """The ISO 4217 codes a price may carry."""
    import pycountry

    from assistant.clarity.lexicon import zipf

    codes = (currency.alpha_3 for currency in pycountry.currencies)
    return tuple(sorted(code for code in codes
                        if (not code.startswith("X") or code in _X_CURRENCIES)
                        and zipf(code.lower()) < _WORD_LIKE_ZIPF))


@functools.cache
def money_pattern() -> str:
    """The pattern of an amount with its currency (no groups, so it embeds anywhere)."""
    codes = "|".join(iso_codes())
    before = rf"(?:{_DOLLAR_PREFIX})?[{SIGNS}]|(?-i:(?:{codes})|{_LOCAL_BEFORE})(?:\s|\u00a0)?"
    after = rf"\s?(?:[{SIGNS}]|(?-i:{codes})\b|(?i:{_LOCAL_AFTER})(?![A-Za-z]))"
    return (rf"(?:(?<![A-Za-z\d])(?:{before})\s?~?(?:{AMOUNT}){_SCALE}(?![\d])"
            rf"|(?<![\d.,])(?:{AMOUNT}){_SCALE}{after}|{_WORD_AMOUNT})")


@functools.cache
def money_re() -> re.Pattern[str]:
    return re.compile(money_pattern())


def has_money(text: str) -> bool:
    """Does `text` name an amount of money ("₹499", "MXN 2,500", "89 zł")?"""
    return money_re().search(text) is not None


def starts_with_money(text: str) -> bool:
    """Does `text` open with an amount ("₹499 per store", "$12/month")?"""
    return money_re().match(text.lstrip()) is not None
