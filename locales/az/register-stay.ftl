### SAMPLE CONTENT (machine-assisted draft): to be reviewed by a native speaker before printing.
### Vərəqə: olduğunuz yer üzrə qeydiyyat.
### NÜMUNƏ MƏZMUN: ana dili daşıyıcıları tərəfindən yoxlanılmalıdır.

reg-campaign-title = Olduğunuz yer üzrə qeydiyyatdan keçin
reg-title = Azərbaycana yeni gəlmisiniz? Olduğunuz yer üzrə qeydiyyatdan keçin
# Variables:
#   $days (Number) - days of stay after which registration is required
reg-intro =
    Azərbaycanda { $days ->
        [one] { $days } gündən
       *[other] { $days } gündən
    } artıq qalan əcnəbilər və vətəndaşlığı olmayan şəxslər olduğu yer üzrə qeydiyyatdan keçməlidir. Qeydiyyatı { -service-name } aparır.
reg-deadline-title = Müddət
reg-deadline =
    Gəlişinizdən sonra { $days ->
        [one] { $days } gün
       *[other] { $days } gün
    } ərzində müraciət edin.
# Variables:
#   $days-kz (Number) - the longer period for citizens of Kazakhstan
reg-kazakhstan = Qazaxıstan vətəndaşları üçün hər iki müddət { $days-kz } gündür.
reg-docs-title = Lazım olan sənədlər
reg-doc-form = Doldurulmuş ərizə forması.
reg-doc-passport = Pasportunuzun surəti, o cümlədən vizanız və sonuncu giriş möhürü olan səhifələr.
reg-fee = Qeydiyyat pulsuzdur: dövlət rüsumu tutulmur.

reg-sms = Azərbaycanda olduğunuz yer üzrə qeydiyyatdan keçin: migration.gov.az və ya { $hotline }.
