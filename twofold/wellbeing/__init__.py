"""Wellbeing: private mood screening for both parents, and the crisis lines shown with every result.

This package is the plain, database-free layer: instruments (questions, answers, bands), scoring and the
crisis-line data. Every clinical number in it comes from shared/product/EVIDENCE.md, cited where it is used.
Models, encryption, pages and flows build on top of it and live elsewhere.
"""
