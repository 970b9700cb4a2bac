package importer

// CAMEO event codes map to kinds through PLOVER's CAMEO→PLOVER mapping,
// openeventdata/PLOVER CAMEO2PLOVER-2021.txt (commit 6b803a44):
//
//	03x AGREE (express intent)                     → statement
//	040, 044–046 CONSULT                           → meeting
//	041 CONSULT, mode phone                        → call
//	042, 043 CONSULT, modes visit and host         → visit
//	057 SUPPORT: sign formal agreement             → agreement
//	050–056 SUPPORT (verbal: praise, recognition)  → statement
//	062 COOPERATE, military                        → exercise
//	060, 061, 063, 064 COOPERATE; 07 AID;
//	08 CONCEDE/RETREAT                             → other
//	09–20 ACCUSE … ASSAULT (conflictual)           → skipped, counted
//
// CAMEO 01 (make public statement) and 02 (appeal) have no PLOVER type in
// that mapping (PLOVER dropped them as too vague to code), so their rows
// are skipped and counted too.

// cameoNames are the CAMEO names of the codes imported, for titles.
var cameoNames = map[string]string{
	"03": "Express intent to cooperate", "030": "Express intent to cooperate",
	"031": "Express intent to engage in material cooperation", "032": "Express intent to provide diplomatic cooperation",
	"033": "Express intent to provide material aid", "034": "Express intent to institute political reform",
	"035": "Express intent to yield", "036": "Express intent to meet or negotiate",
	"037": "Express intent to settle dispute", "038": "Express intent to accept mediation", "039": "Express intent to mediate",
	"04": "Consult", "040": "Consult", "041": "Discuss by telephone", "042": "Make a visit", "043": "Host a visit",
	"044": "Meet at a third location", "045": "Mediate", "046": "Engage in negotiation",
	"05": "Engage in diplomatic cooperation", "050": "Engage in diplomatic cooperation", "051": "Praise or endorse",
	"052": "Defend verbally", "053": "Rally support on behalf of", "054": "Grant diplomatic recognition",
	"055": "Apologize", "056": "Forgive", "057": "Sign formal agreement",
	"06": "Engage in material cooperation", "060": "Engage in material cooperation", "061": "Cooperate economically",
	"062": "Cooperate militarily", "063": "Engage in judicial cooperation", "064": "Share intelligence or information",
	"07": "Provide aid", "070": "Provide aid", "071": "Provide economic aid", "072": "Provide military aid",
	"073": "Provide humanitarian aid", "074": "Provide military protection or peacekeeping", "075": "Grant asylum",
	"08": "Yield", "080": "Yield", "081": "Ease administrative sanctions", "082": "Ease political dissent",
	"083": "Accede to requests or demands for political reform", "084": "Return, release",
	"085": "Ease economic sanctions, boycott, embargo", "086": "Allow international involvement",
	"087": "De-escalate military engagement",
}

// Reasons CAMEO codes are skipped, as the summary counts them.
const (
	skipConflict = "conflictual CAMEO code (09–20)"
	skipNoPLOVER = "CAMEO 01–02 (statements, appeals): no PLOVER type"
)

// cameoKind returns the kind of a CAMEO event code and its name, or why
// the row is skipped; ok is false when code is not a CAMEO code at all.
func cameoKind(code string) (kind, name, skip string, ok bool) {
	if len(code) < 2 || len(code) > 4 {
		return "", "", "", false
	}
	for i := 0; i < len(code); i++ {
		if code[i] < '0' || code[i] > '9' {
			return "", "", "", false
		}
	}
	root := code[:2]
	base := code[:min(3, len(code))]
	name = cameoNames[base]
	if name == "" {
		name = cameoNames[root]
	}
	switch root {
	case "01", "02":
		return "", "", skipNoPLOVER, true
	case "03":
		return "statement", name, "", true
	case "04":
		switch base {
		case "041":
			return "call", name, "", true
		case "042", "043":
			return "visit", name, "", true
		}
		return "meeting", name, "", true
	case "05":
		if base == "057" {
			return "agreement", name, "", true
		}
		return "statement", name, "", true
	case "06":
		if base == "062" {
			return "exercise", name, "", true
		}
		return "other", name, "", true
	case "07", "08":
		return "other", name, "", true
	}
	if root >= "09" && root <= "20" {
		return "", "", skipConflict, true
	}
	return "", "", "", false
}
