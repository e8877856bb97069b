### SAMPLE CONTENT (machine-assisted draft): to be reviewed by a native speaker before printing.
### Flyer: registering the place of stay.

reg-campaign-title = დაარეგისტრირეთ ადგილსამყოფელი
reg-title = ახლახან ჩამოხვედით აზერბაიჯანში? დაარეგისტრირეთ ადგილსამყოფელი
# Variables:
#   $days (Number) - days of stay after which registration is required
reg-intro =
    უცხოელები და მოქალაქეობის არმქონე პირები, რომლებიც აზერბაიჯანში რჩებიან { $days ->
        [one] { $days } დღეზე
       *[other] { $days } დღეზე
    } მეტი ხნით, ვალდებული არიან, დაარეგისტრირონ ადგილსამყოფელი. რეგისტრაციას ახორციელებს { -service-name }.
reg-deadline-title = ვადა
reg-deadline =
    მიმართეთ ჩამოსვლიდან { $days ->
        [one] { $days } დღის
       *[other] { $days } დღის
    } განმავლობაში.
# Variables:
#   $days-kz (Number) - the longer period for citizens of Kazakhstan
reg-kazakhstan = ყაზახეთის მოქალაქეებისთვის ორივე ვადა { $days-kz } დღეა.
reg-docs-title = საჭირო დოკუმენტები
reg-doc-form = შევსებული განცხადების ფორმა.
reg-doc-passport = პასპორტის ასლი, იმ გვერდების ჩათვლით, სადაც არის თქვენი ვიზა და ბოლო შემოსვლის შტამპი.
reg-fee = რეგისტრაცია უფასოა: სახელმწიფო ბაჟი არ გადაიხდება.

reg-sms = დაარეგისტრირეთ ადგილსამყოფელი აზერბაიჯანში: migration.gov.az ან { $hotline }.
