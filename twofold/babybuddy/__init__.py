"""Baby Buddy's API under /api/, so Baby Buddy's clients (Home Assistant, the Android app) work unchanged."""
