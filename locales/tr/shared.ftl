### SAMPLE CONTENT (machine-assisted draft): to be reviewed by a native speaker before printing.
### Tüm kampanyalarda ortak kullanılan metinler.
### ÖRNEK İÇERİK: pamphlet'in tanıtım çalışma alanı için yazılmıştır.
### Çeviriler, herhangi bir şey basılmadan önce anadili konuşan kişilerce gözden geçirilmelidir.

## Terimler: geçtikleri her yerde aynı kalan adlar.

-service-name = Devlet Göç Hizmeti
-asan = ASAN Hizmet

## Belgeyi yayımlayan kurum

org-name = Azerbaycan Cumhuriyeti { -service-name }
# assets/logo.svg içindeki örnek logonun alternatif metni.
logo =
    .alt = Belgeyi yayımlayan kurumun logosu (örnek görsel)

## İletişim bölümü

contact-title = Sorunuz mu var? Bize ulaşın
contact-call-centre = { -service-name } Çağrı Merkezi
contact-asan = { -asan } Çağrı Merkezi
contact-website = İnternet sitesi
contact-email-registration = E-posta ile kayıt

## Künye

# Metinler gözden geçirilene kadar her belgede gösterilir.
sample-notice = Bu metin yalnızca tanıtım amaçlı bir örnektir. Basılmadan önce anadili konuşan kişilerce gözden geçirilmeli ve yürürlükteki kurallara göre kontrol edilmelidir.
# Variables:
#   $valid-as-of (Date) - date from which the content is valid, e.g. 2026-11-01; shown with DATETIME in the long date style
#   $edition (String) - edition number
edition-line = { DATETIME($valid-as-of, dateStyle: "long") } tarihinden itibaren geçerlidir. Baskı: { $edition }.

## Applying, and where to read more: used by the flyer, the leaflet and the brochure.

reg-how-title = Nasıl başvurulur
reg-step-online = { -service-name } e-hizmetleri üzerinden internetten başvurun.
reg-step-email = Ya da belgelerinizi e-postayla { $email } adresine gönderin.
reg-step-office = Ya da bölgesel bir göç müdürlüğüne veya bir { -asan } merkezine gidin.
permits-more-online = İnternette daha fazla bilgi
# Variables:
#   $move-days (Number) - working days to register a new address
reg-moving =
    Yeni bir adrese mi taşındınız? { $move-days ->
        [one] { $move-days } iş günü
       *[other] { $move-days } iş günü
    } içinde yeniden kayıt yaptırın.
rights-register-copies = Pasaportunuzun ve belgelerinizin kopyalarını güvenli bir yerde saklayın.
