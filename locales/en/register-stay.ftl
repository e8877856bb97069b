### Flyer: registering the place of stay.
### SAMPLE CONTENT to be reviewed by native speakers.

reg-campaign-title = Register your place of stay
reg-title = New in Azerbaijan? Register your place of stay
# Variables:
#   $days (Number) - days of stay after which registration is required
reg-intro =
    Foreigners and stateless persons who stay in Azerbaijan for more than { $days ->
        [one] { $days } day
       *[other] { $days } days
    } must register their place of stay with the { -service-name }.
reg-deadline-title = Deadline
reg-deadline =
    Apply within { $days ->
        [one] { $days } day
       *[other] { $days } days
    } of your arrival.
# Variables:
#   $days-kz (Number) - the longer period for citizens of Kazakhstan
reg-kazakhstan = For citizens of Kazakhstan both periods are { $days-kz } days.
reg-docs-title = Documents you need
reg-doc-form = A completed application form.
reg-doc-passport = A copy of your passport, including the pages with your visa and your last entry stamp.
reg-fee = Registration is free: there is no state fee.

## The SMS to new arrivals (document "sms"): at most 2 segments.
# Variables:
#   $hotline (String) - the call centre's number
reg-sms = Register your place of stay in Azerbaijan: migration.gov.az or { $hotline }.
