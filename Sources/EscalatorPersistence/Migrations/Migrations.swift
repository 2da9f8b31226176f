import Fluent

/// Every migration, in the order it runs. Append new ones; never edit or reorder a landed one.
public enum EscalatorMigrations {
    /// M011 seals rows written before it, so the list needs the installation's data key.
    public static func all(dataKey: DataKey) -> [any Migration] { [
        M001_CreatePeopleAndAccess(),
        M002_CreateAreasAndTaxonomy(),
        M003_CreateClientsAndAssessments(),
        M004_CreateEmployersAndVacancies(),
        M005_CreateProgrammes(),
        M006_CreateReferralsAndOutcomes(),
        M007_CreateIndexes(),
        M008_AddClientErasure(),
        M009_CreateAuditTrail(),
        M010_AddAccountSecurity(),
        M011_SealSpecialCategoryData(cipher: ColumnCipher(dataKey)),
        M012_CreateChangeRecord(),
    ] }
}
