### SAMPLE CONTENT (machine-assisted draft): to be reviewed by a native speaker before printing.
### Messages shared by every campaign.
### Translations must be reviewed by native speakers before anything is printed.

## Terms: names that stay the same wherever they appear.

-service-name = სახელმწიფო მიგრაციის სამსახური
-asan = ASAN სერვისი

## Issuing organization

org-name = აზერბაიჯანის რესპუბლიკის { -service-name }
# Alternative text of the sample logo in assets/logo.svg.
logo =
    .alt = გამცემი სამსახურის ლოგო (სანიმუშო გამოსახულება)

## Contact block

contact-title = გაქვთ კითხვები? დაგვიკავშირდით
contact-call-centre = { -service-name }: ცხელი ხაზი
contact-asan = { -asan }: ცხელი ხაზი
contact-website = ვებგვერდი
contact-email-registration = რეგისტრაცია ელფოსტით

## Imprint

# Shown on every document until the texts have been reviewed.
sample-notice = ეს არის სანიმუშო ტექსტი მხოლოდ დემონსტრაციისთვის. დაბეჭდვამდე ტექსტი უნდა შეამოწმონ ენის მატარებლებმა და შეადარონ მოქმედ წესებს.
# Variables:
#   $valid-as-of (Date) - date from which the content is valid, e.g. 2026-11-01; shown with DATETIME in the long date style
#   $edition (String) - edition number
edition-line = მოქმედებს თარიღიდან: { DATETIME($valid-as-of, dateStyle: "long") }. გამოცემა: { $edition }.

## Applying, and where to read more: used by the flyer, the leaflet and the brochure.

reg-how-title = როგორ მივმართოთ
reg-step-online = მიმართეთ ონლაინ, ელექტრონული სერვისებით, რომლებსაც გთავაზობთ { -service-name }.
reg-step-email = ან გამოგზავნეთ დოკუმენტები ელფოსტით მისამართზე: { $email }.
reg-step-office = ან მიმართეთ მიგრაციის რეგიონულ განყოფილებას ან ცენტრს „{ -asan }“.
permits-more-online = მეტი ინფორმაცია ინტერნეტში
# Variables:
#   $move-days (Number) - working days to register a new address
reg-moving =
    გადახვედით ახალ მისამართზე? ხელახლა დარეგისტრირდით { $move-days ->
        [one] { $move-days } სამუშაო დღის
       *[other] { $move-days } სამუშაო დღის
    } განმავლობაში.
rights-register-copies = პასპორტისა და დოკუმენტების ასლები შეინახეთ უსაფრთხო ადგილას.
