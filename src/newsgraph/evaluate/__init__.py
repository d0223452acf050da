"""Scoring newsgraph against annotated corpora (NEREL, factRuEval-2016, our devsets).

`formats` reads the corpora into one shape (`GoldDoc`); each task module
(`ner`, and the quotes/events/linking modules of other areas) scores a system on it.
"""
