/// The legal pay floor an open vacancy must meet.
enum NationalMinimumWage {
    /// The National Living Wage, for workers aged 21 and over, from 1 April 2025: £12.21 an hour.
    static let aged21AndOverPence = 1221
}
