### Messages shared by every campaign.
### SAMPLE CONTENT written for pamphlet's demonstration workspace.
### Translations must be reviewed by native speakers before anything is printed.

## Terms: names that stay the same wherever they appear.

-service-name = State Migration Service
-asan = ASAN service

## Issuing organization

org-name = { -service-name } of the Republic of Azerbaijan
# Alternative text of the sample logo in assets/logo.svg.
logo =
    .alt = Logo of the issuing service (sample image)

## Contact block

contact-title = Questions? Contact us
contact-call-centre = Call centre of the { -service-name }
contact-asan = { -asan } call centre
contact-website = Website
contact-email-registration = Registration by e-mail

## Imprint

# Shown on every document until the texts have been reviewed.
sample-notice = Sample text for demonstration only. It must be reviewed by native speakers and checked against the rules in force before printing.
# Variables:
#   $valid-as-of (Date) - date from which the content is valid, e.g. 2026-11-01; shown with DATETIME in the long date style
#   $edition (String) - edition number
edition-line = Valid as of { DATETIME($valid-as-of, dateStyle: "long") }. Edition { $edition }.

## Applying, keeping your address and papers up to date, and where to read more: used by
## the flyer, the leaflet and the brochure.

reg-how-title = How to apply
reg-step-online = Apply online through the e-services of the { -service-name }.
reg-step-email = Or send your documents by e-mail to { $email }.
reg-step-office = Or visit a regional migration department or an { -asan } centre.
permits-more-online = More information online
# Variables:
#   $move-days (Number) - working days to register a new address
reg-moving =
    Moved to a new address? Register again within { $move-days ->
        [one] { $move-days } working day
       *[other] { $move-days } working days
    }.
rights-register-copies = Keep copies of your passport and of your documents in a safe place.
