module bigtrace

go 1.25
