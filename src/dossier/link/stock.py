"""Where text reuse stops being reuse: one threshold that both `link.reuse`
and the store's reuse listings read. Its own module so that `show` reads it
without importing numpy and the reuse finder (0.17 s of CPU at start, #17)."""

from __future__ import annotations

# A passage more than this many other documents repeat is a stock passage,
# not reuse: a passage whose bands reach more documents stored before its
# text seeds no candidate (`link.reuse_candidates`), and a stored one whose
# spans align with more is hidden when listed, so it holds however the
# corpus grows. On kcna-2024, before either rule, the spans aligned over 40
# words or more had 1 to 19 partners; every example from 6 up was a template
# filled with other names (ceremonies for moving into new houses, greetings
# received, floral baskets laid); from 1 to 5, lists of officials or greeting
# parties two stories share, beside a story and the press review or
# commentary that repeats it (bench/reuse_speed.py --partners).
STOCK_PARTNERS = 5
