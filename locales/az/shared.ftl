### SAMPLE CONTENT (machine-assisted draft): to be reviewed by a native speaker before printing.
### Bütün kampaniyalar üçün ümumi mətnlər.
### NÜMUNƏ MƏZMUN: pamphlet-in nümayiş iş sahəsi üçün yazılıb.
### Tərcümələr çapdan əvvəl ana dili daşıyıcıları tərəfindən yoxlanılmalıdır.

## Terminlər: harada işlənməsindən asılı olmayaraq dəyişməyən adlar.

-service-name = Dövlət Miqrasiya Xidməti
-asan = ASAN xidmət

## Sənədi verən təşkilat

org-name = Azərbaycan Respublikasının { -service-name }
# assets/logo.svg faylındakı nümunə loqonun alternativ mətni.
logo =
    .alt = Sənədi verən xidmətin loqosu (nümunə şəkil)

## Əlaqə bloku

contact-title = Sualınız var? Bizimlə əlaqə saxlayın
contact-call-centre = Çağrı Mərkəzi: { -service-name }
contact-asan = { -asan } çağrı mərkəzi
contact-website = Veb-sayt
contact-email-registration = E-poçtla qeydiyyat

## Çap məlumatı

# Mətnlər yoxlanılana qədər hər sənəddə göstərilir.
sample-notice = Bu, yalnız nümayiş üçün nümunə mətndir. Çapdan əvvəl onu ana dili daşıyıcıları yoxlamalı və qüvvədə olan qaydalarla tutuşdurmalıdır.
# Variables:
#   $valid-as-of (Date) - date from which the content is valid, e.g. 2026-11-01; shown with DATETIME in the long date style
#   $edition (String) - edition number
edition-line = { DATETIME($valid-as-of, dateStyle: "long") } tarixindən qüvvədədir. Nəşr: { $edition }.

## Applying, and where to read more: used by the flyer, the leaflet and the brochure.

reg-how-title = Necə müraciət etməli
reg-step-online = Elektron xidmətlər vasitəsilə onlayn müraciət edin. Bu xidmətləri { -service-name } təqdim edir.
reg-step-email = Və ya sənədlərinizi e-poçtla { $email } ünvanına göndərin.
reg-step-office = Və ya regional miqrasiya idarəsinə, yaxud { -asan } mərkəzinə gəlin.
permits-more-online = Ətraflı məlumat internetdə
# Variables:
#   $move-days (Number) - working days to register a new address
reg-moving =
    Yeni ünvana köçmüsünüz? { $move-days ->
        [one] { $move-days } iş günü
       *[other] { $move-days } iş günü
    } ərzində yenidən qeydiyyatdan keçin.
rights-register-copies = Pasportunuzun və sənədlərinizin surətlərini etibarlı yerdə saxlayın.
