import Fluent

/// Every migration, in the order it runs. Append new ones; never edit or reorder a landed one.
public enum EscalatorMigrations {
    public static let all: [any Migration] = [
        M001_CreatePeopleAndAccess(),
        M002_CreateAreasAndTaxonomy(),
        M003_CreateClientsAndAssessments(),
        M004_CreateEmployersAndVacancies(),
        M005_CreateProgrammes(),
        M006_CreateReferralsAndOutcomes(),
        M007_CreateIndexes(),
    ]
}
