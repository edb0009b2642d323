package dev.flags.country;

/**
 * The book's 194 countries, one per line, as {@link Country}'s fields: ISO code, top-level domain,
 * CIA World Factbook code and name. In the source rather than a resource file: reading a resource
 * from the jar opens it again through a URL connection, which every run would pay before its first
 * request (a start-up lever: see the package doc of {@code dev.flags}).
 */
final class CountryTable {
  private CountryTable() {}

  /** Tab-separated lines. */
  static final String TSV =
      """
      AD\t.ad\tAN\tAndorra
      AE\t.ae\tAE\tUnited Arab Emirates
      AF\t.af\tAF\tAfghanistan
      AG\t.ag\tAC\tAntigua and Barbuda
      AL\t.al\tAL\tAlbania
      AM\t.am\tAM\tArmenia
      AO\t.ao\tAO\tAngola
      AR\t.ar\tAR\tArgentina
      AT\t.at\tAU\tAustria
      AU\t.au\tAS\tAustralia
      AZ\t.az\tAJ\tAzerbaijan
      BA\t.ba\tBK\tBosnia and Herzegovina
      BB\t.bb\tBB\tBarbados
      BD\t.bd\tBG\tBangladesh
      BE\t.be\tBE\tBelgium
      BF\t.bf\tUV\tBurkina Faso
      BG\t.bg\tBU\tBulgaria
      BH\t.bh\tBA\tBahrain
      BI\t.bi\tBY\tBurundi
      BJ\t.bj\tBN\tBenin
      BN\t.bn\tBX\tBrunei Darussalam
      BO\t.bo\tBL\tBolivia
      BR\t.br\tBR\tBrazil
      BS\t.bs\tBF\tBahamas
      BT\t.bt\tBT\tBhutan
      BW\t.bw\tBC\tBotswana
      BY\t.by\tBO\tBelarus
      BZ\t.bz\tBH\tBelize
      CA\t.ca\tCA\tCanada
      CD\t.cd\tCG\tCongo (Kinshasa)
      CF\t.cf\tCT\tCentral African Republic
      CG\t.cg\tCF\tCongo (Brazzaville)
      CH\t.ch\tSZ\tSwitzerland
      CI\t.ci\tIV\tCôte d'Ivoire
      CL\t.cl\tCI\tChile
      CM\t.cm\tCM\tCameroon
      CN\t.cn\tCH\tChina
      CO\t.co\tCO\tColombia
      CR\t.cr\tCS\tCosta Rica
      CU\t.cu\tCU\tCuba
      CV\t.cv\tCV\tCape Verde
      CY\t.cy\tCY\tCyprus
      CZ\t.cz\tEZ\tCzech Republic
      DE\t.de\tGM\tGermany
      DJ\t.dj\tDJ\tDjibouti
      DK\t.dk\tDA\tDenmark
      DM\t.dm\tDO\tDominica
      DZ\t.dz\tAG\tAlgeria
      EC\t.ec\tEC\tEcuador
      EE\t.ee\tEN\tEstonia
      EG\t.eg\tEG\tEgypt
      ER\t.er\tER\tEritrea
      ES\t.es\tSP\tSpain
      ET\t.et\tET\tEthiopia
      FI\t.fi\tFI\tFinland
      FJ\t.fj\tFJ\tFiji
      FM\t.fm\tFM\tMicronesia
      FR\t.fr\tFR\tFrance
      GA\t.ga\tGB\tGabon
      GB\t.uk\tUK\tUnited Kingdom
      GD\t.gd\tGJ\tGrenada
      GE\t.ge\tGG\tGeorgia
      GH\t.gh\tGH\tGhana
      GM\t.gm\tGA\tGambia
      GN\t.gn\tGV\tGuinea
      GQ\t.gq\tEK\tEquatorial Guinea
      GR\t.gr\tGR\tGreece
      GT\t.gt\tGT\tGuatemala
      GW\t.gw\tPU\tGuinea-Bissau
      GY\t.gy\tGY\tGuyana
      HN\t.hn\tHO\tHonduras
      HR\t.hr\tHR\tCroatia
      HT\t.ht\tHA\tHaiti
      HU\t.hu\tHU\tHungary
      ID\t.id\tID\tIndonesia
      IE\t.ie\tEI\tIreland
      IL\t.il\tIS\tIsrael
      IN\t.in\tIN\tIndia
      IQ\t.iq\tIZ\tIraq
      IR\t.ir\tIR\tIran
      IS\t.is\tIC\tIceland
      IT\t.it\tIT\tItaly
      JM\t.jm\tJM\tJamaica
      JO\t.jo\tJO\tJordan
      JP\t.jp\tJA\tJapan
      KE\t.ke\tKE\tKenya
      KG\t.kg\tKG\tKyrgyzstan
      KH\t.kh\tCB\tCambodia
      KI\t.ki\tKR\tKiribati
      KM\t.km\tCN\tComoros
      KN\t.kn\tSC\tSaint Kitts and Nevis
      KP\t.kp\tKN\tKorea, North
      KR\t.kr\tKS\tKorea, South
      KW\t.kw\tKU\tKuwait
      KZ\t.kz\tKZ\tKazakhstan
      LA\t.la\tLA\tLaos
      LB\t.lb\tLE\tLebanon
      LC\t.lc\tST\tSaint Lucia
      LI\t.li\tLS\tLiechtenstein
      LK\t.lk\tCE\tSri Lanka
      LR\t.lr\tLI\tLiberia
      LS\t.ls\tLT\tLesotho
      LT\t.lt\tLH\tLithuania
      LU\t.lu\tLU\tLuxembourg
      LV\t.lv\tLG\tLatvia
      LY\t.ly\tLY\tLibya
      MA\t.ma\tMO\tMorocco
      MC\t.mc\tMN\tMonaco
      MD\t.md\tMD\tMoldova
      ME\t.me\tMJ\tMontenegro
      MG\t.mg\tMA\tMadagascar
      MH\t.mh\tRM\tMarshall Islands
      MK\t.mk\tMK\tMacedonia
      ML\t.ml\tML\tMali
      MM\t.mm\tBM\tMyanmar
      MN\t.mn\tMG\tMongolia
      MR\t.mr\tMR\tMauritania
      MT\t.mt\tMT\tMalta
      MU\t.mu\tMP\tMauritius
      MV\t.mv\tMV\tMaldives
      MW\t.mw\tMI\tMalawi
      MX\t.mx\tMX\tMexico
      MY\t.my\tMY\tMalaysia
      MZ\t.mz\tMZ\tMozambique
      NA\t.na\tWA\tNamibia
      NE\t.ne\tNG\tNiger
      NG\t.ng\tNI\tNigeria
      NI\t.ni\tNU\tNicaragua
      NL\t.nl\tNL\tNetherlands
      NO\t.no\tNO\tNorway
      NP\t.np\tNP\tNepal
      NR\t.nr\tNR\tNauru
      NZ\t.nz\tNZ\tNew Zealand
      OM\t.om\tMU\tOman
      PA\t.pa\tPM\tPanama
      PE\t.pe\tPE\tPeru
      PG\t.pg\tPP\tPapua New Guinea
      PH\t.ph\tRP\tPhilippines
      PK\t.pk\tPK\tPakistan
      PL\t.pl\tPL\tPoland
      PT\t.pt\tPO\tPortugal
      PW\t.pw\tPS\tPalau
      PY\t.py\tPA\tParaguay
      QA\t.qa\tQA\tQatar
      RO\t.ro\tRO\tRomania
      RS\t.rs\tRI\tSerbia
      RU\t.ru\tRS\tRussian Federation
      RW\t.rw\tRW\tRwanda
      SA\t.sa\tSA\tSaudi Arabia
      SB\t.sb\tBP\tSolomon Islands
      SC\t.sc\tSE\tSeychelles
      SD\t.sd\tSU\tSudan
      SE\t.se\tSW\tSweden
      SG\t.sg\tSN\tSingapore
      SI\t.si\tSI\tSlovenia
      SK\t.sk\tLO\tSlovakia
      SL\t.sl\tSL\tSierra Leone
      SM\t.sm\tSM\tSan Marino
      SN\t.sn\tSG\tSenegal
      SO\t.so\tSO\tSomalia
      SR\t.sr\tNS\tSuriname
      SS\t.ss\tOD\tSouth Sudan
      ST\t.st\tTP\tSao Tome and Principe
      SV\t.sv\tES\tEl Salvador
      SY\t.sy\tSY\tSyria
      SZ\t.sz\tWZ\tSwaziland
      TD\t.td\tCD\tChad
      TG\t.tg\tTO\tTogo
      TH\t.th\tTH\tThailand
      TJ\t.tj\tTI\tTajikistan
      TL\t.tl\tTT\tTimor-Leste
      TM\t.tm\tTX\tTurkmenistan
      TN\t.tn\tTS\tTunisia
      TO\t.to\tTN\tTonga
      TR\t.tr\tTU\tTurkey
      TT\t.tt\tTD\tTrinidad and Tobago
      TV\t.tv\tTV\tTuvalu
      TW\t.tw\tTW\tTaiwan
      TZ\t.tz\tTZ\tTanzania
      UA\t.ua\tUP\tUkraine
      UG\t.ug\tUG\tUganda
      US\t.us\tUS\tUnited States of America
      UY\t.uy\tUY\tUruguay
      UZ\t.uz\tUZ\tUzbekistan
      VA\t.va\tVT\tVatican City
      VC\t.vc\tVC\tGrenadines
      VE\t.ve\tVE\tVenezuela
      VN\t.vn\tVM\tVietnam
      VU\t.vu\tNH\tVanuatu
      WS\t.ws\tWS\tSamoa
      YE\t.ye\tYM\tYemen
      ZA\t.za\tSF\tSouth Africa
      ZM\t.zm\tZA\tZambia
      ZW\t.zw\tZI\tZimbabwe
      """;
}
