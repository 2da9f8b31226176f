import EscalatorCore

/// Vapor also has a `Client` (its HTTP client); in this module the name means the resident.
typealias Client = EscalatorCore.Client
