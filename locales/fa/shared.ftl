### SAMPLE CONTENT (machine-assisted draft): to be reviewed by a native speaker before printing.
### Messages shared by every campaign.
### Translations must be reviewed by native speakers before anything is printed.

## Terms: names that stay the same wherever they appear.

-service-name = سرویس دولتی مهاجرت
-asan = خدمات ASAN

## Issuing organization

org-name = { -service-name } جمهوری آذربایجان
# Alternative text of the sample logo in assets/logo.svg.
logo =
    .alt = نشان سازمان صادرکننده (تصویر نمونه)

## Contact block

contact-title = سؤالی دارید؟ با ما تماس بگیرید
contact-call-centre = مرکز تماس { -service-name }
contact-asan = مرکز تماس { -asan }
contact-website = وب‌سایت
contact-email-registration = ثبت از طریق ایمیل

## Imprint

# Shown on every document until the texts have been reviewed.
sample-notice = این متن نمونه است و فقط برای نمایش تهیه شده است. پیش از چاپ، باید گویشوران بومی آن را بازبینی کنند و با مقررات جاری تطبیق داده شود.
# Variables:
#   $valid-as-of (Date) - date from which the content is valid, e.g. 2026-11-01; shown with DATETIME in the long date style
#   $edition (String) - edition number
edition-line = معتبر از تاریخ { DATETIME($valid-as-of, dateStyle: "long") }. ویرایش { $edition }.

## Applying, and where to read more: used by the flyer, the leaflet and the brochure.

reg-how-title = نحوه درخواست
reg-step-online = به‌صورت آنلاین و از طریق خدمات الکترونیکی { -service-name } درخواست دهید.
reg-step-email = یا مدارک خود را با ایمیل به نشانی { $email } بفرستید.
reg-step-office = یا به یکی از ادارات منطقه‌ای مهاجرت یا مراکز { -asan } مراجعه کنید.
permits-more-online = اطلاعات بیشتر در اینترنت
# Variables:
#   $move-days (Number) - working days to register a new address
reg-moving =
    به نشانی جدیدی نقل مکان کرده‌اید؟ ظرف { $move-days ->
        [one] { $move-days } روز کاری
       *[other] { $move-days } روز کاری
    } دوباره ثبت کنید.
rights-register-copies = کپی گذرنامه و مدارک خود را در جای امنی نگه دارید.
