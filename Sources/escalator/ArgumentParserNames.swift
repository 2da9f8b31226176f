import ArgumentParser

// Vapor re-exports ConsoleKit, which has its own `Option`, `Flag` and `Argument`; here they mean ArgumentParser's.
typealias Option = ArgumentParser.Option
typealias Flag = ArgumentParser.Flag
typealias Argument = ArgumentParser.Argument
