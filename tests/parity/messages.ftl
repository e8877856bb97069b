# Messages formatted by pamphlet and by @fluent/bundle in every sample
# locale; tests/parity.rs requires the same output string for string.
# The same file serves every locale: only the formatting differs.

-agency = State Migration Service
    .short = SMS
-office = { $city ->
    [baku] the Baku office
   *[other] the { $city } office
}

plain-number = { $n }
number-fn = { NUMBER($n) }
number-min-fraction = { NUMBER($n, minimumFractionDigits: 2) }
number-max-fraction = { NUMBER($n, maximumFractionDigits: 1) }
number-no-grouping = { NUMBER($n, useGrouping: "false") }
number-min-integer = { NUMBER($n, minimumIntegerDigits: 3) }
number-significant = { NUMBER($n, maximumSignificantDigits: 3) }
number-min-significant = { NUMBER($n, minimumSignificantDigits: 4) }
number-literal = { NUMBER(1234.5) }
number-literal-fraction = { NUMBER(0.5, minimumFractionDigits: 2) }

fee = The fee is { $fee }.
fee-code = { NUMBER($fee, currencyDisplay: "code") }
fee-name = { NUMBER($fee, currencyDisplay: "name") }
fee-whole = { NUMBER($fee, maximumFractionDigits: 0) }
share = { $share } of applicants
share-fraction = { NUMBER($share, minimumFractionDigits: 1) }

date-default = { $date }
date-fn = { DATETIME($date) }
date-full = { DATETIME($date, dateStyle: "full") }
date-long = { DATETIME($date, dateStyle: "long") }
date-medium = { DATETIME($date, dateStyle: "medium") }
date-short = { DATETIME($date, dateStyle: "short") }
date-month-long = { DATETIME($date, year: "numeric", month: "long", day: "numeric") }
date-month-short = { DATETIME($date, year: "numeric", month: "short", day: "numeric") }
date-weekday = { DATETIME($date, weekday: "long", year: "numeric", month: "long", day: "numeric") }
date-month-year = { DATETIME($date, year: "numeric", month: "long") }
time-short = { DATETIME($time, timeStyle: "short") }
time-medium = { DATETIME($time, timeStyle: "medium") }
time-hour-minute = { DATETIME($time, hour: "numeric", minute: "numeric") }
date-time-medium = { DATETIME($time, dateStyle: "medium", timeStyle: "short") }
deadline = Apply before { DATETIME($date, dateStyle: "long") }.

days = { $n ->
    [zero] zero: { $n }
    [one] one: { $n }
    [two] two: { $n }
    [few] few: { $n }
    [many] many: { $n }
   *[other] other: { $n }
}
days-fraction = { NUMBER($n, minimumFractionDigits: 1) ->
    [zero] zero: { NUMBER($n, minimumFractionDigits: 1) }
    [one] one: { NUMBER($n, minimumFractionDigits: 1) }
    [two] two: { NUMBER($n, minimumFractionDigits: 1) }
    [few] few: { NUMBER($n, minimumFractionDigits: 1) }
    [many] many: { NUMBER($n, minimumFractionDigits: 1) }
   *[other] other: { NUMBER($n, minimumFractionDigits: 1) }
}
exact = { $n ->
    [0] none
    [1] exactly one
   *[other] { $n } in all
}
gender = { $gender ->
    [female] She applied at { -office(city: "baku") }.
    [male] He applied at { -office(city: "Sumqayit") }.
   *[other] They applied at { -office(city: "Ganja") }.
}
term-attribute = { -agency.short ->
    [SMS] short name known
   *[other] unknown
}
agency-line = { -agency } ({ $n })
days-rounded = { NUMBER($n, maximumFractionDigits: 0) ->
    [zero] zero: { NUMBER($n, maximumFractionDigits: 0) }
    [one] one: { NUMBER($n, maximumFractionDigits: 0) }
    [two] two: { NUMBER($n, maximumFractionDigits: 0) }
    [few] few: { NUMBER($n, maximumFractionDigits: 0) }
    [many] many: { NUMBER($n, maximumFractionDigits: 0) }
   *[other] other: { NUMBER($n, maximumFractionDigits: 0) }
}
days-significant = { NUMBER($n, maximumSignificantDigits: 1) ->
    [one] one: { NUMBER($n, maximumSignificantDigits: 1) }
    [few] few: { NUMBER($n, maximumSignificantDigits: 1) }
    [many] many: { NUMBER($n, maximumSignificantDigits: 1) }
   *[other] other: { NUMBER($n, maximumSignificantDigits: 1) }
}
