"""Bonding and crying: a graded bonding plan, crying beside published norms, colic checks and the settling
trend, as pure functions over plain values. Every number and piece of guidance comes from
shared/product/EVIDENCE.md (§3 and §5); see evidence.py."""
