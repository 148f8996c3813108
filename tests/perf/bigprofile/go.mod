module bigprofile

go 1.25
