import EscalatorCore

/// `/api/v1/transparency`: the algorithmic transparency records, open to everyone.
extension APICatalogue {
    static let transparency: [APIOperation] = [
        APIOperation(method: "GET", path: "/api/v1/transparency",
                     summary: "The algorithmic transparency records (UK Algorithmic Transparency Recording Standard, tiers 1 and 2) of matching, pathways and allocation, with the parameters in use",
                     tag: "Transparency", roles: [], response: S.ref("TransparencyDocument"), errors: []),
    ]
}
