### SAMPLE CONTENT (machine-assisted draft): to be reviewed by a native speaker before printing.
### El ilanı: kalınan yerin kaydı.
### ÖRNEK İÇERİK: anadili konuşan kişilerce gözden geçirilmelidir.

reg-campaign-title = Kaldığınız yeri kaydettirin
reg-title = Azerbaycan'a yeni mi geldiniz? Kaldığınız yeri kaydettirin
# Variables:
#   $days (Number) - days of stay after which registration is required
reg-intro =
    Azerbaycan'da { $days ->
        [one] { $days } günden
       *[other] { $days } günden
    } fazla kalan yabancılar ve vatansız kişiler, kaldıkları yeri kaydettirmek zorundadır. Kayıt, { -service-name } tarafından yapılır.
reg-deadline-title = Süre
reg-deadline =
    Geldiğiniz günden itibaren { $days ->
        [one] { $days } gün
       *[other] { $days } gün
    } içinde başvurun.
# Variables:
#   $days-kz (Number) - the longer period for citizens of Kazakhstan
reg-kazakhstan = Kazakistan vatandaşları için her iki süre de { $days-kz } gündür.
reg-docs-title = Gerekli belgeler
reg-doc-form = Doldurulmuş başvuru formu.
reg-doc-passport = Pasaportunuzun fotokopisi; vizanızın ve son giriş damganızın bulunduğu sayfalar dahil.
reg-fee = Kayıt ücretsizdir: devlet harcı alınmaz.

reg-sms = Azerbaycan'da kaldığınız yeri kaydettirin: migration.gov.az veya { $hotline }.
