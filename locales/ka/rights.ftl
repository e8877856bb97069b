### SAMPLE CONTENT (machine-assisted draft): to be reviewed by a native speaker before printing.
### Brochure: rights of and help for foreigners and stateless persons.
### Not legal advice.

rights-campaign-title = თქვენი უფლებები და სად მიიღოთ დახმარება
rights-title = თქვენი უფლებები და სად მიიღოთ დახმარება
rights-subtitle = უცხოელებისა და მოქალაქეობის არმქონე პირებისთვის აზერბაიჯანში
rights-stateless-title = ვინ არის მოქალაქეობის არმქონე პირი?
rights-stateless-definition = მოქალაქეობის არმქონე პირი არის ადამიანი, რომელსაც არც ერთი სახელმწიფო არ მიიჩნევს თავის მოქალაქედ საკუთარი კანონმდებლობის შესაბამისად.
rights-stateless-conventions = აზერბაიჯანი არის მოქალაქეობის არმქონე პირთა სტატუსის შესახებ 1954 წლის კონვენციისა და მოქალაქეობის არქონის შემცირების შესახებ 1961 წლის კონვენციის მონაწილე სახელმწიფო.
rights-register-title = დაარეგისტრირეთ ადგილსამყოფელი
# Variables:
#   $days (Number) - days of stay after which registration is required
rights-register-arrival =
    თუ რჩებით { $days ->
        [one] { $days } დღეზე
       *[other] { $days } დღეზე
    } მეტი ხნით, დაარეგისტრირეთ ადგილსამყოფელი ჩამოსვლიდან { $days ->
        [one] { $days } დღის
       *[other] { $days } დღის
    } განმავლობაში.
# Variables:
#   $move-days (Number) - working days to register a new address
rights-register-moving =
    გადასვლის შემდეგ დაარეგისტრირეთ ახალი მისამართი { $move-days ->
        [one] { $move-days } სამუშაო დღის
       *[other] { $move-days } სამუშაო დღის
    } განმავლობაში.
rights-detained-title = თუ დაგაკავეს
rights-detained-information = მოითხოვეთ ინფორმაცია თქვენი უფლებების შესახებ თქვენთვის გასაგებ ენაზე.
rights-detained-interpreter = მოითხოვეთ თარჯიმანი, თუ არ გესმით ენა, რომელზეც საუბრობენ.
rights-detained-contact = მოითხოვეთ, რომ აცნობონ ოჯახის წევრს, ადვოკატს ან თქვენი ქვეყნის საკონსულოს.
rights-detained-note = ეს პუნქტები შეესაბამება საერთაშორისო სტანდარტებს, რომლებიც ეხება თავისუფლებააღკვეთილ პირებს. ეს ბროშურა არ არის იურიდიული რჩევა.
rights-help-title = სად მიიღოთ დახმარება
rights-help-intro = ცხელი ხაზი პასუხობს კითხვებს რეგისტრაციის, ნებართვებისა და თქვენი სტატუსის შესახებ.
