import Foundation

extension AllocationInstance {
    /// Every client's options under the documented model (docs/matching.md, "Allocation"):
    ///
    /// - a vacancy with openings (each id once), when the pair is eligible; score = the match score;
    /// - a cohort that has not started (starts on or after the UTC day of `now`) and has a free place, of a
    ///   programme that closes one of the client's gaps, within their travel limit, entry requirements
    ///   met; score = `AllocationScore.cohort`. The gaps are the essential skills missing from the client's
    ///   best `options.gapMatches` eligible vacancies with openings.
    ///
    /// Each client keeps their best `options.candidatesPerClient` options with a positive weight, ordered by
    /// score descending, then slot order (vacancies before cohorts, then by id).
    public static func build(
        profiles: [MatchProfile], vacancies: [VacancyTarget], programmes: [ProgrammeTarget], licenceSkillIDs: Set<String> = [],
        clientWards: [UUID: String] = [:], now: Date, options: AllocationOptions = AllocationOptions()
    ) -> AllocationInstance {
        let clients = profiles.sorted { UUIDStringOrder($0.clientID) < UUIDStringOrder($1.clientID) }
        let reservation = options.reservation
        let mayTakeReserved = clients.map { profile in
            reservation.map { reservation in clientWards[profile.clientID].map(reservation.wards.contains) ?? false } ?? false
        }

        // Vacancies with openings, each id once: the slots, and what the gaps are taken from.
        var seen = Set<UUID>()
        let open = vacancies.filter { $0.vacancy.openings > 0 && seen.insert($0.vacancy.id).inserted }
            .sorted { UUIDStringOrder($0.vacancy.id) < UUIDStringOrder($1.vacancy.id) }
        var slots: [AllocationSlot] = []
        if options.includeVacancies {
            slots = open.map { target in
                AllocationSlot(
                    kind: .vacancy, targetID: target.vacancy.id, cohortID: nil, places: target.vacancy.openings,
                    reserved: reservation?.reservedPlaces(of: target.vacancy.openings) ?? 0)
            }
        }
        let vacancySlot = Dictionary(uniqueKeysWithValues: slots.indices.map { (slots[$0].targetID, $0) })
        let catalogue = options.includeCohorts
            ? AllocationProgrammes(programmes, firstDay: Calendar.utc.startOfDay(for: now), reservation: reservation, slots: &slots)
            : nil
        let essentials = Dictionary(uniqueKeysWithValues: open.map { ($0.vacancy.id, $0.vacancy.essential) })

        let perClient = max(0, options.candidatesPerClient)
        let depth = max(options.includeVacancies ? perClient : 0, catalogue == nil ? 0 : options.gapMatches)
        let index = VacancyIndex(open, weights: options.weights, licenceSkillIDs: licenceSkillIDs)
        let ranked = depth > 0 && perClient > 0 ? index.topVacancies(forAll: clients, k: depth) : Array(repeating: [], count: clients.count)

        var lists = [[AllocationCandidate]](repeating: [], count: clients.count)
        let chunkSize = 256
        let chunks = (clients.count + chunkSize - 1) / chunkSize
        lists.withUnsafeMutableBufferPointer { buffer in
            // Each iteration writes only its own chunk's elements, and the buffer outlives Parallel.forEach.
            nonisolated(unsafe) let output = buffer
            Parallel.forEach(iterations: chunks) { chunk in
                var scratch = catalogue.map(AllocationProgrammes.Scratch.init)
                var found: [AllocationCandidate] = []
                for client in (chunk * chunkSize)..<min(clients.count, (chunk + 1) * chunkSize) {
                    guard perClient > 0 else { continue }
                    let profile = clients[client]
                    found.removeAll(keepingCapacity: true)
                    if !vacancySlot.isEmpty {
                        for match in ranked[client].prefix(perClient) {
                            guard let slot = vacancySlot[match.vacancyID] else { continue }
                            found.append(AllocationCandidate(slot: slot, score: match.score, weight: AllocationScore.weight(match.score)))
                        }
                    }
                    if let catalogue {
                        let gaps = AllocationScore.essentialGaps(
                            profile, missingFrom: ranked[client].prefix(options.gapMatches).map { essentials[$0.vacancyID] ?? [] })
                        catalogue.candidates(
                            for: profile, gaps: gaps, programmeWeight: options.programmeWeight, scratch: &scratch!, into: &found)
                    }
                    output[client] = Array(
                        found.filter { $0.weight > 0 }
                            .sorted { $0.score != $1.score ? $0.score > $1.score : $0.slot < $1.slot }
                            .prefix(perClient))
                }
            }
        }

        var candidateStart = [0]
        candidateStart.reserveCapacity(clients.count + 1)
        var candidates: [AllocationCandidate] = []
        candidates.reserveCapacity(lists.reduce(0) { $0 + $1.count })
        for list in lists {
            candidates.append(contentsOf: list)
            candidateStart.append(candidates.count)
        }
        return AllocationInstance(
            clientIDs: clients.map(\.clientID), mayTakeReserved: mayTakeReserved, slots: slots, candidateStart: candidateStart,
            candidates: candidates)
    }
}
