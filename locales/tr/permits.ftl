### SAMPLE CONTENT (machine-assisted draft): to be reviewed by a native speaker before printing.
### Üç kırımlı broşür: oturma ve çalışma izinleri.
### ÖRNEK İÇERİK: anadili konuşan kişilerce gözden geçirilmelidir.
### Paneller 97–100 mm genişliğindedir: çeviriler yaklaşık İngilizce metin uzunluğunda olmalıdır.

permits-campaign-title = Oturma ve çalışma izinleri
permits-title = Oturma ve çalışma izinleri
permits-subtitle = Yabancıların ve vatansız kişilerin bilmesi gerekenler
permits-temp-title = Geçici oturma
permits-temp-intro = { -service-name }, geçici oturma iznini izin kartı olarak verir. Gerekçelerden bazıları:
permits-ground-family = bir Azerbaycan vatandaşıyla yakın akrabalık;
# Variables:
#   $investment (Number) - minimum investment in manat
permits-ground-investment = en az { $investment } manatlık yatırım;
# Variables:
#   $deposit (Number) - minimum value in manat
permits-ground-property = değeri en az { $deposit } manat olan taşınmaz veya banka mevduatı;
permits-ground-specialist = yüksek nitelikli uzman olarak çalışmak.
permits-when-title = Ne zaman başvurmalı
# Variables:
#   $apply-days (Number) - days before the current period ends
permits-apply-before =
    Mevcut kalış veya oturma sürenizin bitmesinden en az { $apply-days ->
        [one] { $apply-days } gün
       *[other] { $apply-days } gün
    } önce başvurun.
# Variables:
#   $perm-months (Number) - months before the temporary permit expires
#   $perm-years (Number) - validity of the permanent residence permit
permits-permanent =
    Daimi oturma izni için geçici izninizin bitmesinden en az { $perm-months ->
        [one] { $perm-months } ay
       *[other] { $perm-months } ay
    } önce başvurun. Bu izin { $perm-years ->
        [one] { $perm-years } yıl
       *[other] { $perm-years } yıl
    } süreyle verilir ve uzatılabilir.
permits-work-title = Çalışma izinleri
permits-work-employer = Çalışma iznine siz değil, işvereniniz başvurur.
# Variables:
#   $wp-years (Number) - validity of a work permit
permits-work-term =
    İzin { $wp-years ->
        [one] { $wp-years } yıl
       *[other] { $wp-years } yıl
    } süreyle verilir; sözleşmeniz daha kısaysa sözleşme süresi kadar.
permits-work-extend = İzin uzatılabilir; her seferinde en fazla bir yıl.
permits-work-one-employer = İzin yalnızca tek bir işveren için geçerlidir.
permits-work-exempt = Bazı kişiler çalışma izni almak zorunda değildir, örneğin bir Azerbaycan vatandaşının eşi. Bunun sizin için geçerli olup olmadığını çağrı merkezine sorun.
permits-checklist-title = Başvurmadan önce
permits-check-date = Mevcut izninizin veya kalış sürenizin ne zaman bittiğini kontrol edin.
permits-check-documents = Pasaportunuzun geçerli olduğundan emin olun.
permits-check-ask = Durumunuz için hangi belgelerin gerektiğini çağrı merkezine sorun.

## SAMPLE CONTENT (machine-assisted draft), added with the leaflet's new layout: to be reviewed by a native speaker.
permits-perm-title = Daimi oturma
permits-bring-title = Yanınızda getirmeniz gerekenler
permits-bring-form = doldurulmuş başvuru formu;
permits-bring-passport = pasaportunuz ve fotokopisi;
permits-bring-photos = yakın zamanda çekilmiş vesikalık fotoğraflar;
permits-bring-grounds = gerekçenizi kanıtlayan belgeler, örneğin evlilik cüzdanı veya iş sözleşmesi.
