fn main() -> std::process::ExitCode {
    workshop::main()
}
