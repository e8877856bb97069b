### SAMPLE CONTENT (machine-assisted draft): to be reviewed by a native speaker before printing.
### Tri-fold leaflet: residence and work permits.
### Panels are 97–100 mm wide: keep translations about as long as the English.

permits-campaign-title = ბინადრობისა და მუშაობის ნებართვები
permits-title = ბინადრობისა და მუშაობის ნებართვები
permits-subtitle = რა უნდა იცოდნენ უცხოელებმა და მოქალაქეობის არმქონე პირებმა
permits-temp-title = დროებითი ბინადრობა
permits-temp-intro = { -service-name } დროებითი ბინადრობის ნებართვას გასცემს ნებართვის ბარათის სახით. საფუძვლებს შორისაა:
permits-ground-family = ახლო ნათესაური კავშირი აზერბაიჯანის მოქალაქესთან;
# Variables:
#   $investment (Number) - minimum investment in manat
permits-ground-investment = არანაკლებ { $investment } მანათის ინვესტიცია;
# Variables:
#   $deposit (Number) - minimum value in manat
permits-ground-property = უძრავი ქონება ან საბანკო ანაბარი, რომლის ღირებულებაა არანაკლებ { $deposit } მანათი;
permits-ground-specialist = მუშაობა მაღალკვალიფიციურ სპეციალისტად.
permits-when-title = როდის მივმართოთ
# Variables:
#   $apply-days (Number) - days before the current period ends
permits-apply-before =
    მიმართეთ ყოფნის ან ბინადრობის მიმდინარე ვადის გასვლამდე არანაკლებ { $apply-days ->
        [one] { $apply-days } დღით
       *[other] { $apply-days } დღით
    } ადრე.
# Variables:
#   $perm-months (Number) - months before the temporary permit expires
#   $perm-years (Number) - validity of the permanent residence permit
permits-permanent =
    მუდმივი ბინადრობის ნებართვისთვის მიმართეთ დროებითი ნებართვის ვადის გასვლამდე არანაკლებ { $perm-months ->
        [one] { $perm-months } თვით
       *[other] { $perm-months } თვით
    } ადრე. ის გაიცემა { $perm-years ->
        [one] { $perm-years } წლის
       *[other] { $perm-years } წლის
    } ვადით და შესაძლებელია მისი განახლება.
permits-work-title = მუშაობის ნებართვები
permits-work-employer = მუშაობის ნებართვისთვის მიმართავს თქვენი დამსაქმებელი და არა თქვენ.
# Variables:
#   $wp-years (Number) - validity of a work permit
permits-work-term =
    ის გაიცემა { $wp-years ->
        [one] { $wp-years } წლის
       *[other] { $wp-years } წლის
    } ვადით ან შრომითი ხელშეკრულების ვადით, თუ ის უფრო მოკლეა.
permits-work-extend = მისი გაგრძელება შესაძლებელია, ყოველ ჯერზე არაუმეტეს ერთი წლით.
permits-work-one-employer = ის მოქმედებს მხოლოდ ერთი დამსაქმებლისთვის.
permits-work-exempt = ზოგიერთ პირს მუშაობის ნებართვა არ სჭირდება, მაგალითად, აზერბაიჯანის მოქალაქის მეუღლეს. ცხელ ხაზზე იკითხეთ, ეხება თუ არა ეს თქვენ.
permits-checklist-title = სანამ მიმართავთ
permits-check-date = გადაამოწმეთ, როდის იწურება თქვენი მიმდინარე ნებართვა ან ყოფნის ვადა.
permits-check-documents = დარწმუნდით, რომ თქვენი პასპორტი მოქმედია.
permits-check-ask = ცხელ ხაზზე იკითხეთ, რა დოკუმენტებია საჭირო თქვენს შემთხვევაში.

## SAMPLE CONTENT (machine-assisted draft), added with the leaflet's new layout: to be reviewed by a native speaker.
permits-perm-title = მუდმივი ბინადრობა
permits-bring-title = რა უნდა წაიღოთ
permits-bring-form = შევსებული განაცხადის ფორმა;
permits-bring-passport = თქვენი პასპორტი და მისი ასლი;
permits-bring-photos = ბოლო დროს გადაღებული პასპორტის ზომის ფოტოსურათები;
permits-bring-grounds = საფუძვლის დამადასტურებელი დოკუმენტები, მაგალითად, ქორწინების მოწმობა ან შრომითი ხელშეკრულება.
