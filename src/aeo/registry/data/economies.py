"""The 21 APEC economies with the AEO programme facts given by the APEC study (seeds).

Validity: indefinite except Mexico and Malaysia (2 years) and Singapore, Viet Nam and
Hong Kong, China (up to 3 years). SME caps: New Zealand 20 and China 1,000 employees; where
none is given the IFC definition (300) applies. Launch years: the study's order (United States
first, then New Zealand, Japan and Singapore; Indonesia and the Philippines 2015; Australia 2016;
Chile 2017; Papua New Guinea yet to launch); programme names and other years from the WCO
Compendium of AEO Programmes. Values left empty are not known to us.
"""

# code, name, programme name, launch year, validity years, SME employee cap, calendar code
ECONOMIES: list[tuple[str, str, str, int | None, int | None, int | None, str]] = [
    ("AU", "Australia", "Australian Trusted Trader", 2016, None, None, "AU"),
    ("BN", "Brunei Darussalam", "AEO Programme", None, None, None, "BN"),
    ("CA", "Canada", "Partners in Protection", 2008, None, None, "CA"),
    ("CL", "Chile", "AEO Programme", 2017, None, None, "CL"),
    ("CN", "China", "AEO Programme", 2008, None, 1000, "CN"),
    ("HK", "Hong Kong, China", "Hong Kong AEO Programme", 2012, 3, None, "HK"),
    ("ID", "Indonesia", "AEO Programme", 2015, None, None, "ID"),
    ("JP", "Japan", "AEO Program", 2006, None, None, "JP"),
    ("KR", "Korea", "AEO Programme", 2009, None, None, "KR"),
    ("MY", "Malaysia", "AEO Programme", 2010, 2, None, "MY"),
    ("MX", "Mexico", "Operador Económico Autorizado (OEA)", 2012, 2, None, "MX"),
    ("NZ", "New Zealand", "Secure Exports Scheme", 2004, None, 20, "NZ"),
    ("PG", "Papua New Guinea", "", None, None, None, "PG"),
    ("PE", "Peru", "AEO Programme", 2012, None, None, "PE"),
    ("PH", "Philippines", "AEO Programme", 2015, None, None, "PH"),
    ("RU", "Russia", "AEO Programme", 2012, None, None, "RU"),
    ("SG", "Singapore", "Secure Trade Partnership", 2007, 3, None, "SG"),
    ("TW", "Chinese Taipei", "AEO Programme", 2009, None, None, "TW"),
    ("TH", "Thailand", "AEO Programme", 2011, None, None, "TH"),
    (
        "US",
        "United States",
        "Customs Trade Partnership Against Terrorism (CTPAT)",
        2001,
        None,
        None,
        "US",
    ),
    ("VN", "Viet Nam", "AEO Programme", 2011, 3, None, "VN"),
]
