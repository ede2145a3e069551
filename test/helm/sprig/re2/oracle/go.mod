module chartroom/re2oracle

go 1.22
