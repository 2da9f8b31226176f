/// Word lists for synthetic people, places and organisations. People's names are common names mixed
/// at random, reflecting the region's diversity; place and organisation names are invented.
enum SyntheticNames {
    static let givenNames = [
        "Aaliyah", "Aaron", "Abdul", "Adam", "Adebayo", "Agnieszka", "Ahmed", "Aisha", "Alfie", "Alice", "Amara",
        "Amelia", "Amir", "Amrit", "Ana", "Andrew", "Anil", "Anna", "Arjun", "Ava", "Ayesha", "Bartosz", "Ben",
        "Bethany", "Bilal", "Callum", "Chantelle", "Charlie", "Chidi", "Chloe", "Connor", "Dalia", "Daniel",
        "Darnell", "Deborah", "Declan", "Deepa", "Dylan", "Ebony", "Elena", "Ella", "Emeka", "Emily", "Erin",
        "Ethan", "Fatima", "Femi", "Gary", "Georgia", "Grace", "Gurpreet", "Hamza", "Hannah", "Harjit", "Harry",
        "Hassan", "Ibrahim", "Imani", "Imran", "Isaac", "Isla", "Jack", "Jade", "Jamal", "James", "Jasmine",
        "Jasvir", "Jayden", "Jessica", "Joanne", "Jordan", "Joseph", "Joshua", "Kalpesh", "Karen", "Kayleigh",
        "Kerry-Ann", "Kwame", "Kyle", "Laila", "Lauren", "Leah", "Leon", "Liam", "Lucy", "Maja", "Manpreet",
        "Maria", "Mark", "Marcus", "Maryam", "Mason", "Megan", "Michael", "Mohammed", "Mustafa", "Nadia", "Naveed",
        "Neha", "Nia", "Nicola", "Noah", "Oliver", "Olivia", "Omar", "Oskar", "Paul", "Piotr", "Priya", "Rajesh",
        "Rebecca", "Reece", "Rhys", "Rukhsana", "Ryan", "Saima", "Samuel", "Sana", "Sarah", "Shanice", "Simran",
        "Sofia", "Stacey", "Stephen", "Sunil", "Tariq", "Tendai", "Thomas", "Tyrone", "Usman", "Vikram", "Wayne",
        "Yasmin", "Yusuf", "Zainab", "Zara",
    ]

    static let familyNames = [
        "Adeyemi", "Ahmed", "Akhtar", "Ali", "Allen", "Anderson", "Asante", "Atwal", "Bailey", "Baker", "Begum",
        "Bennett", "Bhatti", "Bibi", "Bradley", "Brown", "Campbell", "Chauhan", "Clarke", "Cooper", "Davies",
        "Dhillon", "Edwards", "Evans", "Fletcher", "Francis", "Gill", "Grant", "Green", "Griffiths", "Hall",
        "Harris", "Hayes", "Hill", "Hughes", "Hussain", "Iqbal", "Jackson", "James", "Johal", "Johnson", "Jones",
        "Kaur", "Khan", "King", "Kowalski", "Lewis", "Mahmood", "Malik", "Marshall", "Martin", "Mensah", "Miah",
        "Mistry", "Mitchell", "Moore", "Morgan", "Morris", "Nowak", "Nwosu", "O'Brien", "Okafor", "Owen", "Parker",
        "Patel", "Phillips", "Powell", "Price", "Rahman", "Rana", "Reid", "Richards", "Roberts", "Robinson",
        "Sandhu", "Shah", "Sharma", "Singh", "Smith", "Stewart", "Taylor", "Thomas", "Thompson", "Turner", "Walker",
        "Ward", "Watson", "White", "Williams", "Wilson", "Wisniewski", "Wood", "Wright", "Young", "Yusuf",
    ]

    static let placePrefixes = [
        "Ash", "Alder", "Bram", "Brook", "Birch", "Castle", "Cole", "Copper", "Elm", "Fern", "Fox", "Glen", "Hazel",
        "Heath", "Holly", "Kings", "Lark", "Lime", "Maple", "Mill", "Moor", "Oak", "Orchard", "Park", "Queens",
        "Rea", "Rowan", "Sand", "Stone", "Tame", "Thorn", "Wheat", "Willow", "Wren", "Yew", "Clay", "Forge",
        "Kiln", "Marsh", "Silver",
    ]

    static let placeSuffixes = [
        "field", "vale", "green", "heath", "hill", "ley", "wood", "bury", "ton", "brook", "gate", "side",
        "well", "mere", "croft", "stead",
    ]

    /// `count` distinct invented place names, such as "Hazelbrook" or "Tamecroft".
    static func wardNames(count: Int, using rng: inout SeededGenerator) -> [String] {
        var names = placePrefixes.flatMap { prefix in placeSuffixes.map { prefix + $0 } }
        rng.shuffle(&names)
        precondition(names.count >= count, "not enough invented place names")
        return Array(names.prefix(count))
    }

    static func placeName(using rng: inout SeededGenerator) -> String {
        rng.element(of: placePrefixes) + rng.element(of: placeSuffixes)
    }

    /// How an employer in each sector might be named; `#` is replaced with an invented place name.
    static let employerPatterns: [Sector: [String]] = [
        .advancedManufacturing: ["# Precision Engineering Ltd", "# Castings Ltd", "# Automotive Components Ltd",
                                 "# Fabrications Ltd", "# Machining Ltd", "# Aerospace Ltd", "# Tooling Ltd"],
        .logistics: ["# Logistics Ltd", "# Distribution Ltd", "# Freight Ltd", "# Fulfilment Ltd", "# Couriers Ltd"],
        .construction: ["# Builders Ltd", "# Construction Ltd", "# Groundworks Ltd", "# Electrical Contractors Ltd",
                        "# Homes Ltd", "# Joinery Ltd"],
        .healthAndSocialCare: ["# Care Homes Ltd", "# Home Care Ltd", "# House Nursing Home", "# Community Care CIC",
                               "# Lodge Care Centre", "# Health Partnership"],
        .hospitality: ["The # Kitchen", "# Hotel", "# Coffee House", "# Catering Ltd", "The # Arms", "# Events Ltd"],
        .retail: ["# Stores Ltd", "# Supermarkets Ltd", "# Home and Garden", "# Fashion Ltd", "# Pharmacy"],
        .businessServices: ["# Accountancy Ltd", "# Business Services Ltd", "# Contact Solutions Ltd",
                            "# Facilities Management Ltd", "# Security Services Ltd", "# Cleaning Services Ltd"],
        .digital: ["# Digital Ltd", "# Software Ltd", "# Data Labs Ltd", "# IT Solutions Ltd"],
        .education: ["# Learning Trust"],
        .publicSector: ["# Services"],
    ]

    /// A sector as a short phrase for course titles: "Get into engineering".
    static func shortName(_ sector: Sector) -> String {
        switch sector {
        case .advancedManufacturing: "engineering"
        case .logistics: "logistics"
        case .construction: "construction"
        case .healthAndSocialCare: "care"
        case .hospitality: "hospitality"
        case .retail: "retail"
        case .businessServices: "office work"
        case .digital: "digital"
        case .education: "education"
        case .publicSector: "public services"
        }
    }

    static let universities = [
        "Rea Valley University", "Tame Valley University", "Brindley University", "Mercian Metropolitan University",
        "Blackbrook University", "Cole Valley University", "Stour Valley University", "Lickey Hills University",
        "Canalside University", "Foundry Institute of Technology",
    ]

    static let privateProviderWords = [
        "Anvil", "Beacon", "Brindley", "Canalside", "Foundry", "Keystone", "Redbrick", "Forge", "Hallmark",
        "Junction", "Kingfisher", "Lantern", "Milestone", "Northgate", "Pathway", "Quarry", "Signal", "Thrive",
        "Unity", "Vantage", "Waymark", "Ironworks", "Spark", "Compass",
    ]

    static let privateProviderKinds = ["Training Ltd", "Skills Ltd", "Academy Ltd", "Learning Ltd", "Training Solutions Ltd"]

    static let charityPatterns = [
        "# Community Trust", "# Skills Foundation", "# Women's Centre", "# Refugee Support", "# Youth Project",
        "# Second Chance Trust", "# Veterans into Work", "# Family Learning",
    ]

    /// Partner charities that register clients.
    static let partnerCharities = [
        "Ladder Up Community Trust", "Open Door Employment Charity", "New Roots Refugee Support",
        "Black Country Works Foundation", "Horizons Women's Centre", "Fresh Start Recovery Trust", "Bridgeway Youth Works",
    ]
}
