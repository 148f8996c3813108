module workshop.example/perf/hello

go 1.25
