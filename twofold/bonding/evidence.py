"""The clinical numbers and the sources the bonding and crying pages cite, in one place.

Copied from shared/product/EVIDENCE.md: Decisions (Crying, Bonding), §3 (crying norms, colic, red flags,
coping) and §5.1 (father–infant contact). Marks as there: V read in the source, S secondary (name the source,
soften the wording). Nothing here is a [U] fact; thresholds that are Twofold's own live in the modules that
use them and say so.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Source:
    """A citation as the page shows it, with its EVIDENCE.md section and mark."""

    cite: str
    section: str
    mark: str  # "V" or "S"
    url: str = ""

    def __str__(self) -> str:
        return self.cite


# §3.1: Wolke, Bilgin & Samara 2017. Only the weeks 1–6 range and the 10–12-week value are verified.
WOLKE_2017 = Source(
    "Wolke, Bilgin & Samara 2017, J Pediatr 185:55–61 (28 diary studies, 8,690 infants)", "§3.1", "V"
)
EARLY_WEEKS = (1, 6)  # ages in weeks with the verified range, both ends included
EARLY_MEAN_RANGE_MIN = (117, 133)  # the study means lie in this range, minutes of fuss/cry per 24 h
EARLY_SD_RANGE_MIN = (66, 70)
LATE_WEEKS = (10, 12)
LATE_MEAN_MIN = 68
LATE_SD_MIN = 46.2

# §3.2 colic definitions.
WESSEL_1954 = Source(
    "Wessel, Cobb, Jackson, Harris & Detwiler 1954, Pediatrics (as given by the BMJ Best Practice criteria)",
    "§3.2",
    "V",
)
MODIFIED_WESSEL = Source("Modified Wessel rule (glossary, Zeevenhooven et al. 2018)", "§3.2", "V")
ROME_IV = Source(
    "Rome IV, Benninga et al. 2016, Gastroenterology (as given by BMJ Best Practice)", "§3.2", "V"
)
COLIC_HOURS_MIN = 180  # "more than 3 hours" a day: 180 minutes is not more than 3 hours
WESSEL_DAYS_PER_WEEK = 3  # more than 3 days in a week
WESSEL_WEEKS = 3  # for more than 3 weeks
MODIFIED_DAYS_IN_WEEK = 3  # at least 3 days in one week
ROME_IV_UNDER_MONTHS = 5  # the infant is under 5 months when the symptoms start and stop
ROME_IV_RESEARCH_DAYS = 3  # research use: ≥3 h on ≥3 of 7 days, and one 24-h diary with ≥3 h

# §5.1 father–infant contact.
ERLANDSSON_2007 = Source("Erlandsson, Dsilna, Fagerberg & Christensson 2007, Birth 34:105–114", "§5.1", "V")
KUO_2021 = Source("Kuo, Chen, Chen, Chen & Fernandez 2021, Adv Neonatal Care (7 RCTs)", "§5.1", "V")
TAIWAN_2017 = Source("RCT of 83 first-time fathers, Nurs Res Pract 2017, article 8612024", "§5.1", "V")
CULLEN_2000 = Source("Cullen, Field, Escalona & Hartshorn 2000, Early Child Dev Care", "§5.1", "V")
CHENG_2011 = Source("Cheng, Volk & Marini 2011, J Perinat Educ 20:200–209 (pilot)", "§5.1", "V")
HUNZIKER_BARR_1986 = Source("Hunziker & Barr 1986, Pediatrics 77:641–648 (mothers)", "§5.1", "V")
KAUR_BURPING = Source(
    # The trial itself is named; EVIDENCE.md read it through a blog, so the page marks it a secondary source.
    "Kaur et al., Child Care Health Dev 2014/15 (a trial with 71 infants)",
    "§5.1",
    "S",
)
DE_MONTIGNY_2004 = Source("de Montigny & Lacharité 2004, cited in Suchy et al. 2020", "§5.1", "S")
NO_CAREGIVER_STUDY = Source(
    "EVIDENCE.md §5.1: no study found measures settling success by caregiver", "§5.1", "V"
)

# §4.2 and §4.3, for the bottle-feed and sleep-safety lines in how-to text.
NCT_EXPRESSING = Source("NCT booklet “Expressing and storing your milk”, 2012", "§4.2", "V")
AAP_2022_SAFE_SLEEP = Source(
    "AAP safe sleep guidance 2022, Pediatrics (via childrensdayton.org)", "§4.3", "V"
)
AAP_2022_SWADDLE = Source("AAP safe sleep guidance 2022, as quoted by neptunepine.com", "§4.3", "V")

# §3.5 coping.
CDC_AHT = Source("CDC, “About abusive head trauma”", "§3.5", "V", "https://www.cdc.gov/child-abuse-neglect/")
ICON = Source("ICON (UK NHS programme)", "§3.5", "V", "https://iconcope.org")
BSUH = Source("University Hospitals Sussex NHS FT (bsuh.nhs.uk), “Coping with crying”", "§3.5", "V")
BARR_NCSBS = Source("Ronald Barr's research; National Center on Shaken Baby Syndrome (NCSBS)", "§3.3", "V")
