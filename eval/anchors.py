"""The anchor systems' dev figures, copied from ../shared/scorers/README.md.

The steering team reran each anchor on the dev sets and scored it with the
same scorers; `make eval` prints these rows beside dossier's. Percentages as
the README prints them.
"""

from __future__ import annotations

# system, set, gold, pred, strict P / R / F1, relaxed P / R / F1, value F1, type acc
TIME = (
    ("HeidelTime 2.2.1", "AQUAINT", 579, 584, "82.02 / 82.73 / **82.37**",
     "92.12 / 92.92 / **92.52**", "**73.09**", "0.913"),
    ("HeidelTime 2.2.1", "TimeBank", 1243, 1213, "86.40 / 84.31 / **85.34**",
     "93.08 / 90.83 / **91.94**", "**79.56**", "0.975"),
    ("HeidelTime 2.2.1", "all", 1822, 1797, "84.97 / 83.81 / **84.39**",
     "92.77 / 91.49 / **92.12**", "**77.48**", "0.955"),
    ("spaCy sm (DATE+TIME ents)", "all", 1822, 1833, "77.09 / 77.55 / **77.32**",
     "87.56 / 88.09 / **87.82**", "–", "0.824"),
)  # fmt: skip

# system, sys quotes, strict P / R / F1, union P / R / F1, union speaker right
# (raw), speaker right (raw or resolved), cue right, all-attribution recall
QUOTES = (
    ("textacy 0.13.0, doc", 437, "34.1 / 24.7 / **28.6**", "67.3 / 36.6 / **47.4**",
     "85.5 (189 of 221)", "88.7 (196)", "86.0 (190)", "13.0 (42.9 / 1.6)"),
    ("textacy 0.13.0, para", 671, "34.3 / 38.1 / **36.1**", "72.1 / 58.9 / **64.9**",
     "92.7 (330 of 356)", "93.3 (332)", "92.4 (329)", "19.0 (66.4 / 1.0)"),
)  # fmt: skip

# system, topic, gold, sys, strict typed, strict untyped, relaxed typed,
# relaxed untyped, all types relaxed untyped
ENTITIES = (
    ("spaCy sm 3.8.0", "airbus", 253, 294, "55.1 / 64.0 / **59.2**",
     "59.5 / 69.2 / **64.0**", "71.8 / 83.4 / **77.1**", "78.9 / 91.7 / **84.8**",
     "74.5 / 85.8 / **79.8**"),
    ("spaCy sm 3.8.0", "apple", 171, 282, "46.5 / 76.6 / **57.8**",
     "48.9 / 80.7 / **60.9**", "52.8 / 87.1 / **65.8**", "56.0 / 92.4 / **69.8**",
     "78.1 / 82.0 / **80.0**"),
    ("spaCy sm 3.8.0", "all", 424, 576, "50.9 / 69.1 / **58.6**",
     "54.3 / 73.8 / **62.6**", "62.5 / 84.9 / **72.0**", "67.7 / 92.0 / **78.0**",
     "76.2 / 84.0 / **79.9**"),
)  # fmt: skip

# system, key, alignment, matched mentions, pairwise P / R / F1,
# cross-document pairs P / R / F1, B³ P / R / F1 (topic all)
IDENTITY = (
    ("spaCy sm 3.8.0", "text", "relaxed", "390 of 424", "98.1 / 58.2 / **73.1**",
     "98.3 / 57.7 / **72.7**", "96.7 / 73.8 / **83.7**"),
    ("spaCy sm 3.8.0", "text", "strict", "313 of 424", "99.8 / 62.7 / **77.1**",
     "99.8 / 62.1 / **76.6**", "99.4 / 78.5 / **87.7**"),
)  # fmt: skip
