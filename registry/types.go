package registry

// Money is an amount in grosze (1/100 zł). Never a float. Parse with ParseMoney,
// print with String ("1 234,56 zł").
type Money int64

// Date is a calendar date as ISO 8601 "2006-01-02"; "" means not given.
// Parse with ParseDate; JSON renders "" as null.
type Date string
