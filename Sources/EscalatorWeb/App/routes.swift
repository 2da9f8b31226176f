import Vapor

/// Every route of the app, in one place, each declaring the `Permission` it needs (`AccessPolicy`): the app does
/// not start if one does not, and a role without it is refused before the handler. Pages need a session user (and a CSRF token on every POST);
/// `/api/v1` needs a bearer token (or a session); sign-in, health and the OpenAPI document are open. A user
/// with a temporary password must choose their own (`/account/password`) before anything else.
func routes(_ app: Application, environment: AppEnvironment) throws {
    try app.register(collection: HealthController())
    try app.register(collection: MetricsController())

    let pages = app.grouped(CSRFMiddleware())
    try pages.register(collection: SignInController(environment: environment))
    try pages.register(collection: TransparencyController())

    let signedIn = pages.grouped(RequirePageUser()).grouped(RequireChosenPassword()).grouped(PermissionMiddleware())
    try signedIn.register(collection: AccountController(environment: environment))
    try signedIn.register(collection: UsersController(environment: environment))
    try signedIn.register(collection: HomeController())
    try signedIn.register(collection: ClientsController(environment: environment))
    try signedIn.register(collection: ProgrammesController(environment: environment))
    try signedIn.register(collection: ReferralsController(environment: environment))
    try signedIn.register(collection: JobStartsController(environment: environment))
    try signedIn.register(collection: EmployersController(environment: environment))
    try signedIn.register(collection: VacanciesController(environment: environment))
    try signedIn.register(collection: AssessmentsController(environment: environment))
    try signedIn.register(collection: MatchesController(environment: environment))
    try signedIn.register(collection: AllocationController(environment: environment))
    try signedIn.register(collection: PathwaysController(environment: environment))
    try signedIn.register(collection: CommissioningController(environment: environment))
    try signedIn.register(collection: InsightController(environment: environment))
    try signedIn.register(collection: TaxonomyController(environment: environment))
    try signedIn.register(collection: AuditController(environment: environment))
    try signedIn.register(collection: PrivacyController(environment: environment))
    try signedIn.register(collection: RectificationController(environment: environment))

    let api = app.grouped("api", "v1").grouped(SingleQueryValuesMiddleware(), JSONBodyMiddleware())
    try api.register(collection: TokenController(environment: environment))
    try api.register(collection: OpenAPIController())
    try api.register(collection: TransparencyAPIController())

    let apiSignedIn = api.grouped(RequireAPIUser()).grouped(RequireChosenPassword()).grouped(PermissionMiddleware())
    try apiSignedIn.register(collection: TokensAPIController(environment: environment))
    try apiSignedIn.register(collection: ClientsAPIController(environment: environment))
    try apiSignedIn.register(collection: ProgrammesAPIController(environment: environment))
    try apiSignedIn.register(collection: ReferralsAPIController(environment: environment))
    try apiSignedIn.register(collection: JobStartsAPIController(environment: environment))
    try apiSignedIn.register(collection: EmployersAPIController(environment: environment))
    try apiSignedIn.register(collection: VacanciesAPIController(environment: environment))
    try apiSignedIn.register(collection: AssessmentsAPIController(environment: environment))
    try apiSignedIn.register(collection: MatchesAPIController(environment: environment))
    try apiSignedIn.register(collection: AllocationAPIController(environment: environment))
    try apiSignedIn.register(collection: PathwaysAPIController(environment: environment))
    try apiSignedIn.register(collection: CommissioningAPIController(environment: environment))
    try apiSignedIn.register(collection: InsightAPIController(environment: environment))
    try apiSignedIn.register(collection: TaxonomyAPIController(environment: environment))
    try apiSignedIn.register(collection: AuditAPIController(environment: environment))
    try apiSignedIn.register(collection: PrivacyAPIController(environment: environment))

    try DeclaredPermissions.requireDeclared(app.routes.all)
}
