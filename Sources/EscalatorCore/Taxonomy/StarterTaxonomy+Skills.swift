extension StarterTaxonomy {
    static let basicSkills: [Skill] = [
        Skill(id: "B.LITERACY", name: "Literacy", kind: .basic,
              description: "Reading and writing English for work: instructions, forms, notes and emails."),
        Skill(id: "B.NUMERACY", name: "Numeracy", kind: .basic,
              description: "Everyday maths for work: quantities, measurements, money, percentages and rotas."),
        Skill(id: "B.DIGITAL", name: "Digital skills", kind: .basic,
              description: "Using a computer and phone safely: email, online forms, documents, video calls."),
        Skill(id: "B.ESOL", name: "English for speakers of other languages", kind: .basic,
              description: "Spoken and written English for residents whose first language is not English."),
    ]

    static let licences: [Skill] = [
        Skill(id: "L.CSCS", name: "CSCS card", kind: .licence, sector: .construction,
              description: "Construction Skills Certification Scheme card, needed to work on most sites."),
        Skill(id: "L.FORKLIFT", name: "Forklift licence", kind: .licence, sector: .logistics,
              description: "Accredited counterbalance or reach-truck operator certificate."),
        Skill(id: "L.SIA", name: "SIA licence", kind: .licence,
              description: "Security Industry Authority front-line licence (door supervision or security guarding)."),
        Skill(id: "L.DBS", name: "DBS check", kind: .licence, sector: .healthAndSocialCare,
              description: "Disclosure and Barring Service check for work with children or adults at risk."),
        Skill(id: "L.DRIVING", name: "Full UK driving licence", kind: .licence,
              description: "Full category B car licence."),
        Skill(id: "L.FOOD_HYGIENE", name: "Food hygiene certificate", kind: .licence, sector: .hospitality,
              description: "Level 2 food safety and hygiene certificate."),
        Skill(id: "L.FIRST_AID", name: "First aid at work", kind: .licence,
              description: "Emergency first aid at work or first aid at work certificate."),
        Skill(id: "L.HGV", name: "HGV licence", kind: .licence, sector: .logistics,
              description: "Category C or C+E large goods vehicle licence."),
        Skill(id: "L.DRIVER_CPC", name: "Driver CPC", kind: .licence, sector: .logistics,
              description: "Driver Certificate of Professional Competence, needed to drive lorries for a living."),
    ]

    static let occupationalSkills: [Skill] =
        crossSectorSkills + manufacturingSkills + logisticsSkills + constructionSkills + careSkills
        + hospitalitySkills + retailSkills + businessSkills + digitalSkills

    private static func skill(_ id: String, _ name: String, _ sector: Sector?, _ description: String) -> Skill {
        Skill(id: id, name: name, kind: .occupational, sector: sector, description: description)
    }

    private static let crossSectorSkills: [Skill] = [
        skill("S.TEAMWORK", "Teamwork", nil, "Working reliably with others to get a shared job done."),
        skill("S.COMMUNICATION", "Communication", nil, "Explaining, listening and passing on information clearly."),
        skill("S.PROBLEM_SOLVING", "Problem solving", nil, "Working out what is wrong and what to do about it."),
        skill("S.HEALTH_SAFETY", "Health and safety at work", nil, "Following safe systems of work and reporting hazards."),
        skill("S.MANUAL_HANDLING", "Manual handling", nil, "Lifting, carrying and moving loads safely."),
        skill("S.TEAM_LEADERSHIP", "Team leadership", nil, "Leading a shift or small team: briefing, allocating work, checking."),
        skill("S.PEOPLE_MANAGEMENT", "People management", nil, "Recruiting, rota planning, appraisals and absence management."),
        skill("S.CUSTOMER_SERVICE", "Customer service", nil, "Serving customers, handling queries and complaints."),
        skill("S.CLEANING", "Cleaning", nil, "Cleaning to a standard with the right products, equipment and records."),
    ]

    private static let manufacturingSkills: [Skill] = [
        skill("S.CNC_OPERATION", "CNC machine operation", .advancedManufacturing, "Loading, running and monitoring CNC lathes and mills."),
        skill("S.CNC_PROGRAMMING", "CNC programming", .advancedManufacturing, "Writing and editing G-code and setting tool offsets."),
        skill("S.WELDING", "Welding and fabrication", .advancedManufacturing, "MIG, TIG and MMA welding; cutting and forming metal."),
        skill("S.TECHNICAL_DRAWING", "Reading technical drawings", .advancedManufacturing, "Interpreting engineering drawings, tolerances and symbols."),
        skill("S.PRECISION_MEASUREMENT", "Precision measurement", .advancedManufacturing, "Using micrometers, verniers, gauges and CMM results."),
        skill("S.QUALITY_INSPECTION", "Quality inspection", .advancedManufacturing, "Inspecting parts against specification and recording non-conformance."),
        skill("S.ASSEMBLY", "Mechanical assembly", .advancedManufacturing, "Assembling components to work instructions and torque settings."),
        skill("S.MACHINE_MAINTENANCE", "Machine maintenance", .advancedManufacturing, "Planned and reactive maintenance of production machinery."),
        skill("S.ELECTRICAL_MAINTENANCE", "Electrical maintenance", .advancedManufacturing, "Maintaining motors, drives, panels and control circuits."),
        skill("S.PLC_AUTOMATION", "PLC and automation", .advancedManufacturing, "Programmable logic controllers, sensors and robot cells."),
        skill("S.HYDRAULICS_PNEUMATICS", "Hydraulics and pneumatics", .advancedManufacturing, "Fluid power systems: diagnosis and repair."),
        skill("S.LEAN_MANUFACTURING", "Lean and continuous improvement", .advancedManufacturing, "5S, kaizen, root-cause analysis and waste reduction."),
        skill("S.CAD", "Computer-aided design", .advancedManufacturing, "Producing 2D drawings and 3D models in CAD software."),
        skill("S.FAULT_FINDING", "Fault finding", .advancedManufacturing, "Systematic diagnosis of mechanical and electrical faults."),
        skill("S.PRODUCTION_LINE", "Production line work", .advancedManufacturing, "Working to takt time and standard operations on a line."),
    ]

    private static let logisticsSkills: [Skill] = [
        skill("S.PICKING_PACKING", "Order picking and packing", .logistics, "Picking to pick lists or scanners and packing for dispatch."),
        skill("S.STOCK_CONTROL", "Stock control", .logistics, "Goods in, stock counts, rotation and discrepancy checks."),
        skill("S.WAREHOUSE_SYSTEMS", "Warehouse management systems", .logistics, "Handheld scanners and WMS transactions."),
        skill("S.LOADING_UNLOADING", "Loading and unloading", .logistics, "Safe loading of vehicles, load security and weight distribution."),
        skill("S.ROUTE_PLANNING", "Route planning", .logistics, "Planning efficient routes and delivery sequences."),
        skill("S.VEHICLE_CHECKS", "Vehicle safety checks", .logistics, "Daily walk-round checks and defect reporting."),
        skill("S.DRIVERS_HOURS", "Drivers' hours and tachographs", .logistics, "EU and GB drivers' hours rules and tachograph use."),
        skill("S.DELIVERY_SERVICE", "Multi-drop delivery", .logistics, "Delivering to customers on time with proof of delivery."),
    ]

    private static let constructionSkills: [Skill] = [
        skill("S.SITE_SAFETY", "Construction site safety", .construction, "Site inductions, PPE, permits and safe working on site."),
        skill("S.BRICKLAYING", "Bricklaying", .construction, "Laying bricks and blocks to line and level."),
        skill("S.CARPENTRY", "Carpentry and joinery", .construction, "First and second fix carpentry; making and fitting joinery."),
        skill("S.PAINTING_DECORATING", "Painting and decorating", .construction, "Surface preparation, painting and wallpapering."),
        skill("S.ELECTRICAL_INSTALLATION", "Electrical installation", .construction, "Installing circuits, containment and accessories."),
        skill("S.WIRING_REGULATIONS", "Wiring regulations", .construction, "BS 7671 requirements, inspection and testing."),
        skill("S.GROUNDWORKS", "Groundworks", .construction, "Excavation, drainage, kerbs and concrete foundations."),
        skill("S.WORKING_AT_HEIGHT", "Working at height", .construction, "Ladders, towers and scaffolds used safely."),
        skill("S.HAND_POWER_TOOLS", "Hand and power tools", .construction, "Choosing, using and maintaining hand and power tools."),
        skill("S.SETTING_OUT", "Setting out", .construction, "Setting out lines, levels and positions from drawings."),
        skill("S.READING_PLANS", "Reading construction drawings", .construction, "Reading plans, sections, elevations and specifications."),
        skill("S.SITE_SUPERVISION", "Site supervision", .construction, "Coordinating trades, programmes, quality and site records."),
    ]

    private static let careSkills: [Skill] = [
        skill("S.PERSONAL_CARE", "Personal care", .healthAndSocialCare, "Washing, dressing, eating and continence care with dignity."),
        skill("S.MOVING_POSITIONING", "Moving and positioning people", .healthAndSocialCare, "Safe use of hoists, slide sheets and mobility aids."),
        skill("S.SAFEGUARDING", "Safeguarding", .healthAndSocialCare, "Recognising and reporting abuse and neglect."),
        skill("S.INFECTION_CONTROL", "Infection prevention and control", .healthAndSocialCare, "Hand hygiene, PPE and cleaning to prevent infection."),
        skill("S.MEDICATION", "Medication administration", .healthAndSocialCare, "Administering and recording medicines safely."),
        skill("S.CARE_RECORDS", "Care planning and records", .healthAndSocialCare, "Following and updating care plans; accurate records."),
        skill("S.DEMENTIA_CARE", "Dementia care", .healthAndSocialCare, "Supporting people living with dementia."),
        skill("S.CLINICAL_OBSERVATIONS", "Clinical observations", .healthAndSocialCare, "Taking and recording temperature, pulse, blood pressure and NEWS2."),
        skill("S.PERSON_CENTRED_CARE", "Person-centred care", .healthAndSocialCare, "Care built around the person's choices, history and goals."),
        skill("S.MENTAL_HEALTH_AWARENESS", "Mental health awareness", .healthAndSocialCare, "Recognising distress and supporting people appropriately."),
    ]

    private static let hospitalitySkills: [Skill] = [
        skill("S.FOOD_PREPARATION", "Food preparation", .hospitality, "Preparing vegetables, meat, fish and dough to a standard."),
        skill("S.COOKING", "Cooking", .hospitality, "Cooking methods, timing and presentation on a section."),
        skill("S.KITCHEN_CLEANING", "Kitchen cleaning and pot wash", .hospitality, "Dishwashing, deep cleaning and waste handling in kitchens."),
        skill("S.FOOD_SERVICE", "Food service", .hospitality, "Table and counter service, orders and clearing."),
        skill("S.BARISTA", "Barista skills", .hospitality, "Espresso drinks, milk texturing and machine care."),
        skill("S.BAR_SERVICE", "Bar service", .hospitality, "Serving drinks, licensing law and cellar basics."),
        skill("S.ALLERGEN_AWARENESS", "Allergen awareness", .hospitality, "The fourteen allergens, labelling and cross-contamination."),
        skill("S.MENU_COSTING", "Menu planning and costing", .hospitality, "Planning dishes, portion control and gross profit."),
    ]

    private static let retailSkills: [Skill] = [
        skill("S.CASH_HANDLING", "Cash handling and tills", .retail, "Till operation, cash, card payments and cashing up."),
        skill("S.MERCHANDISING", "Visual merchandising", .retail, "Planograms, displays and promotions."),
        skill("S.SALES", "Sales", .retail, "Finding out what customers need and closing a sale."),
        skill("S.STOCK_REPLENISHMENT", "Stock replenishment", .retail, "Filling shelves, rotation and date checks."),
        skill("S.LOSS_PREVENTION", "Loss prevention", .retail, "Reducing theft, waste and shrinkage."),
    ]

    private static let businessSkills: [Skill] = [
        skill("S.OFFICE_ADMIN", "Office administration", .businessServices, "Filing, diaries, post, minutes and office systems."),
        skill("S.DATA_ENTRY", "Data entry", .businessServices, "Accurate keying and checking of records."),
        skill("S.SPREADSHEETS", "Spreadsheets", .businessServices, "Formulas, sorting, filtering and simple charts."),
        skill("S.BOOKKEEPING", "Bookkeeping", .businessServices, "Sales and purchase ledgers, bank reconciliation and VAT basics."),
        skill("S.PAYROLL", "Payroll", .businessServices, "Running payroll, PAYE, pensions and payslips."),
        skill("S.TELEPHONE_CUSTOMER_CONTACT", "Telephone customer contact", .businessServices, "Handling calls, call scripts and contact-centre systems."),
        skill("S.RECEPTION", "Reception", .businessServices, "Greeting visitors, switchboard and bookings."),
        skill("S.HR_ADMIN", "HR administration", .businessServices, "Contracts, starters and leavers, absence and HR records."),
        skill("S.EMPLOYMENT_LAW", "Employment law", .businessServices, "Working time, contracts, discipline and grievance."),
        skill("S.FINANCIAL_ACCOUNTS", "Preparing accounts", .businessServices, "Management accounts, accruals and year-end journals."),
        skill("S.SECURITY_PATROL", "Security patrol and access control", .businessServices, "Patrols, access control, CCTV and incident reports."),
        skill("S.CONFLICT_MANAGEMENT", "Conflict management", nil, "De-escalating conflict and dealing with challenging behaviour."),
    ]

    private static let digitalSkills: [Skill] = [
        skill("S.IT_SUPPORT", "IT support", .digital, "First and second line support: tickets, devices and accounts."),
        skill("S.NETWORKING", "Networking", .digital, "TCP/IP, Wi-Fi, switches and firewalls."),
        skill("S.PROGRAMMING", "Programming", .digital, "Writing, reading and debugging code in a modern language."),
        skill("S.WEB_DEVELOPMENT", "Web development", .digital, "HTML, CSS, JavaScript and web frameworks."),
        skill("S.DATABASES_SQL", "Databases and SQL", .digital, "Relational data, queries and data modelling."),
        skill("S.SOFTWARE_TESTING", "Software testing", .digital, "Test plans, automated tests and defect reports."),
        skill("S.CLOUD", "Cloud platforms", .digital, "Deploying and running services on cloud platforms."),
        skill("S.CYBER_SECURITY", "Cyber security", .digital, "Threats, controls, monitoring and incident response."),
        skill("S.DATA_ANALYSIS", "Data analysis", .digital, "Cleaning, analysing and presenting data."),
    ]
}
