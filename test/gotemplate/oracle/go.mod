module chartroom/gotemplate-oracle

go 1.26
