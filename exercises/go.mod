module workshop.example/exercises

go 1.25
